namespace BroadcastHub.Web.Features.Stations;

/// <summary>The stations page and the hub's side of the station protocol (issue 10).</summary>
public static class StationsRegistration
{
    public static IServiceCollection AddStations(this IServiceCollection services)
    {
        services.AddScoped<StationAdmin>();
        services.AddScoped<ZoneRearming>();
        services.AddScoped<StationEnrolment>();
        services.AddScoped<StationManifestBuilder>();
        services.AddScoped<StationMediaAccess>();
        services.AddSingleton<StationAirtimeUpload>();
        services.AddSingleton<Data.Repositories.AgentRecordingRepository>();
        services.AddSingleton<StationRecordingUpload>();
        services.AddScoped<StationHeartbeatService>();
        return services;
    }
}
