using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>Bookings, the schedule and week calendar, communes' programmes and iCalendar feeds, the planner and its Hangfire jobs.</summary>
public static class SchedulingRegistration
{
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddScoped<BookingService>();
        services.AddScoped<SchedulePages>();
        services.AddScoped<BookingGuards>();
        services.AddScoped<RelayBookings>();
        services.AddScoped<RelayBookingProbe>();
        services.AddScoped<RundownLabels>();
        services.AddScoped<BookingQuery>();
        services.AddScoped<BookingEdits>();
        services.AddScoped<OverflowChoice>();
        services.AddScoped<BookingEditPages>();
        services.AddScoped<BookingCancelPages>();
        services.AddScoped<RundownQuery>();
        services.AddScoped<ScheduleChanges>();
        services.AddScoped<SchedulePlanner>();
        services.AddScoped<OccurrenceArmer>();
        services.AddScoped<ArmOccurrenceJob>();
        services.AddScoped<PlanHorizonJob>();
        services.AddHostedService<StartupPlanner>();
        services.AddSingleton<CommuneProgrammeRepository>();
        services.AddScoped<ProgrammeFills>();
        services.AddScoped<CommuneProgrammes>();
        services.AddScoped<CommuneProgrammePanels>();
        services.AddScoped<CommuneCalendar>();
        services.AddScoped<WeekCalendar>();
        services.AddScoped<WeekCalendarPages>();
        return services;
    }
}
