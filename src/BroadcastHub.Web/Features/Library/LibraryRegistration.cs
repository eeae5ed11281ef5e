namespace BroadcastHub.Web.Features.Library;

/// <summary>The bulletin library: uploads and their analysis, review, the detail page (waveform, history).</summary>
public static class LibraryRegistration
{
    public static IServiceCollection AddLibrary(this IServiceCollection services)
    {
        services.AddScoped<BulletinService>();
        services.AddOptions<LibraryLimitsOptions>().BindConfiguration(LibraryLimitsOptions.Section);
        services.AddSingleton<WaveformCache>();
        services.AddSingleton<AnalysisGate>();
        services.AddScoped<DuplicateUploads>();
        services.AddScoped<BulletinPages>();
        services.AddScoped<BulletinHistory>();
        return services;
    }
}
