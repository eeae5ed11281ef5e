using BroadcastHub.Playout;

namespace BroadcastHub.Web.Playout;

/// <summary>The embedded station: the Playout engine over the app database, armed by Hangfire.</summary>
public static class HubPlayoutRegistration
{
    /// <summary>Registers the hub's store and media for the engine, the airtime integrity services and the engine itself.</summary>
    public static IServiceCollection AddHubPlayout(this IServiceCollection services)
    {
        services.AddSingleton<ThisStation>();
        services.AddSingleton<IPlayoutStore, HubPlayoutStore>();
        services.AddSingleton<IPlayoutMedia, HubPlayoutMedia>();
        services.AddAirtimeIntegrity();
        services.AddPlayout("./data");
        services.AddScoped<StationAlerts>();
        return services;
    }
}
