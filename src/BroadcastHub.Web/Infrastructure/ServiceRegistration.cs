using BroadcastHub.Core.Time;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Auth;
using BroadcastHub.Web.Jobs;
using BroadcastHub.Playout;
using BroadcastHub.Web.Playout;
using BroadcastHub.Web.Services;
using BroadcastHub.Web.Services.AdminPages;
using BroadcastHub.Web.Services.Dashboard;
using BroadcastHub.Web.Services.Library;
using BroadcastHub.Web.Services.Playlists;
using BroadcastHub.Web.Services.Programme;
using BroadcastHub.Web.Services.Reports;
using BroadcastHub.Web.Services.Scope;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Infrastructure;

/// <summary>The application's own services.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddBroadcastHubCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new StationClock(sp.GetRequiredService<TimeProvider>(),
            StationClock.FindZone(sp.GetRequiredService<IOptions<BroadcastHubOptions>>().Value.TimeZone)));
        services.AddSingleton(sp => DatabaseSetup.Create(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IOptions<BroadcastHubOptions>>().Value));
        services.AddSingleton<PlacesRepository>();
        services.AddSingleton<SessionRepository>();
        services.AddSingleton<BulletinRepository>();
        services.AddSingleton<BookingRepository>();
        services.AddSingleton<OccurrenceRepository>();
        services.AddSingleton<AirtimeRepository>();
        services.AddSingleton<UserRepository>();
        services.AddSingleton<TokenRepository>();
        services.AddSingleton<OccurrenceProgressRepository>();
        services.AddSingleton<PolicyRepository>();
        services.AddSingleton<OccurrencePlanWriter>();
        services.AddSingleton<SessionExceptionRepository>();
        services.AddSingleton<StationRepository>();
        services.AddSingleton<StationAgentRepository>();
        Services.StationAgent.StationAgentRegistration.AddStationAgentServices(services);
        services.AddScoped<EmergencyDispatch>();
        services.AddScoped<StationAdmin>();
        services.AddScoped<ZoneRearming>();
        services.AddSingleton<Policies>();
        services.AddSingleton<MediaStore>();
        services.AddSingleton<AccountService>();
        services.AddHttpContextAccessor();
        services.AddScoped<UserScope>();
        services.AddScoped<PlacesService>();
        services.AddScoped<BulletinService>();
        services.AddScoped<BookingService>();
        services.AddScoped<PolicyGuard>();
        services.AddScoped<RundownQuery>();
        services.AddScoped<ScheduleChanges>();
        services.AddScoped<EmergencyService>();
        services.AddScoped<AirtimeQuery>();
        services.AddScoped<SchedulePlanner>();
        services.AddCommuneProgramme();
        services.AddScoped<OccurrenceArmer>();
        services.AddScoped<ArmOccurrenceJob>();
        services.AddScoped<PlanHorizonJob>();
        services.AddHubPlayout();
        services.AddHostedService<StartupPlanner>();
        services.AddPlaylistsAndCalendar();
        services.AddReportsAndAudit();
        services.AddLibraryPagesAndWeekCalendar();
        services.AddAdminPages();
        services.AddLiveDashboard();
        services.AddBookingSafety();
        return services;
    }
}
