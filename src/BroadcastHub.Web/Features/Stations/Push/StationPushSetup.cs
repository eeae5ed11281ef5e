using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Web.Features.Stations.Push;

/// <summary>Registers and maps the push channel to station agents (issue 10; several nodes: issue 11).</summary>
public static class StationPushSetup
{
    /// <summary>The push route.</summary>
    public const string Route = "/api/station/push";

    /// <summary>SignalR, the connection registry, the backplane (NOTIFY on PostgreSQL, in-process on SQLite) and the upkeep.</summary>
    public static IServiceCollection AddStationPush(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddSingleton<PushConnections>();
        services.AddSingleton<PushDispatcher>();
        services.AddSingleton<StationPushRepository>();
        services.AddScoped<AgentPush>();
        services.AddSingleton<IStationPushBus>(sp => sp.GetRequiredService<AppDatabase>().Dialect.IsPostgres
            ? new PostgresPushBus(sp.GetRequiredService<AppDatabase>())
            : new InProcessPushBus(sp.GetRequiredService<PushDispatcher>()));
        services.AddHostedService<PushMaintenance>();
        services.AddHostedService<PostgresPushListener>();
        services.AddTransient<IStartupFilter, PushChangeTrigger.StartupFilter>();
        return services;
    }

    /// <summary>Maps <see cref="StationPushHub"/> at <see cref="Route"/>.</summary>
    public static IEndpointRouteBuilder MapStationPush(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<StationPushHub>(Route);
        return endpoints;
    }
}
