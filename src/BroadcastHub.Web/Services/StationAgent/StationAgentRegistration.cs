namespace BroadcastHub.Web.Services.StationAgent;

/// <summary>The hub's side of the station protocol (issue 10).</summary>
public static class StationAgentRegistration
{
    public static IServiceCollection AddStationAgentServices(this IServiceCollection services)
    {
        services.AddScoped<StationEnrolment>();
        services.AddScoped<StationManifestBuilder>();
        services.AddScoped<StationMediaAccess>();
        services.AddSingleton<StationAirtimeUpload>();
        services.AddScoped<StationHeartbeatService>();
        return services;
    }
}
