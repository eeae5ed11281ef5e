using BroadcastHub.Web.Services.Calendar;

namespace BroadcastHub.Web.Services.Library;

/// <summary>Services of the library's detail page (waveform, history) and the schedule's week calendar.</summary>
public static class LibraryPagesRegistration
{
    public static IServiceCollection AddLibraryPagesAndWeekCalendar(this IServiceCollection services)
    {
        services.AddSingleton<WaveformCache>();
        services.AddSingleton<AnalysisGate>();
        services.AddScoped<DuplicateUploads>();
        services.AddScoped<BulletinPages>();
        services.AddScoped<BulletinHistory>();
        services.AddScoped<WeekCalendar>();
        return services;
    }
}
