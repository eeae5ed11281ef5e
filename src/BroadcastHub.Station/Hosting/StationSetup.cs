using BroadcastHub.Core.Time;
using BroadcastHub.Playout;
using BroadcastHub.Station.Cache;
using BroadcastHub.Station.Local;
using BroadcastHub.Station.Playout;
using BroadcastHub.Station.Sync;
using BroadcastHub.Station.Status;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Station.Hosting;

/// <summary>Registers the agent's services.</summary>
public static class StationSetup
{
    /// <summary>Bound, start-validated <see cref="StationOptions"/>, the media cache and the status snapshot.</summary>
    public static IServiceCollection AddStationAgent(this IServiceCollection services)
    {
        services.AddOptions<StationOptions>().BindConfiguration(StationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StationOptions>, StationOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        });
        services.AddSingleton(sp => CacheSettings(sp.GetRequiredService<IOptions<StationOptions>>().Value));
        services.AddSingleton<MediaCache>();
        services.AddSingleton<StationStatus>();
        services.AddSingleton(sp => new LocalDatabase(sp.GetRequiredService<IOptions<StationOptions>>().Value.FullDataPath));
        services.AddSingleton<ManifestStore>();
        services.AddSingleton<AirtimeOutbox>();
        services.AddSingleton<RecordingQueue>();
        services.AddSingleton<BroadcastHub.Playout.Relay.IRelayRecordingHold>(sp => sp.GetRequiredService<RecordingQueue>());
        services.AddSingleton<SyncState>();
        services.AddAgentPlayout();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StationOptions>>().Value is { IsEnrolled: true } o
            ? new HubEndpoint(new Uri(o.Hub.Url!, UriKind.Absolute), o.Hub.StationToken!)
            : throw new InvalidOperationException("The station is not enrolled with a hub."));
        services.AddSingleton<HubClient>();
        services.AddSingleton(sp => new ManifestSync(sp.GetRequiredService<HubClient>(), sp.GetRequiredService<ManifestStore>(),
            sp.GetRequiredService<MediaCache>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<StationOptions>>().Value.Station.CacheDays, sp.GetRequiredService<ILogger<ManifestSync>>()));
        services.AddSingleton<AirtimeUploader>();
        // Its own client: a long relay's recording over a slow commune link takes longer than the sync's 30 s timeout.
        services.AddSingleton(sp => new RecordingUploader(
            new HubClient(new HttpClient { Timeout = RecordingUploader.Timeout }, sp.GetRequiredService<HubEndpoint>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<SyncState>()),
            sp.GetRequiredService<RecordingQueue>(), sp.GetRequiredService<IOptions<PlayoutOptions>>(), sp.GetRequiredService<ILogger<RecordingUploader>>()));
        services.AddSingleton<HeartbeatSender>();
        services.AddSingleton<SyncCycle>();
        services.AddHostedService<SyncLoop>();
        services.AddSingleton<Push.SyncTrigger>();
        services.TryAddSingleton<Push.IAgentPlayout, Push.LoggingAgentPlayout>();
        services.AddHostedService<Push.PushClient>();
        return services;
    }

    /// <summary>
    /// The engine on local data only: the local store, the verified media cache, the local airtime chain and outbox,
    /// the arming loop, and the immediate commands (<see cref="Push.IAgentPlayout"/>) for the push channel.
    /// </summary>
    public static IServiceCollection AddAgentPlayout(this IServiceCollection services)
    {
        services.AddSingleton(sp => new StationClock(sp.GetRequiredService<TimeProvider>(),
            StationClock.FindZone(sp.GetRequiredService<IOptions<StationOptions>>().Value.TimeZone)));
        services.AddSingleton<LocalPlayoutStore>();
        services.AddSingleton<IPlayoutStore>(sp => sp.GetRequiredService<LocalPlayoutStore>());
        services.AddSingleton<IPlayoutMedia, CachedPlayoutMedia>();
        services.AddSingleton<LocalAirtimeLog>();
        services.AddSingleton<IAirtimeAppend>(sp => sp.GetRequiredService<LocalAirtimeLog>());
        services.AddSingleton<IAirtimeCheckpoint, NoAirtimeCheckpoint>();
        services.AddPlayout("./station-data");
        services.AddSingleton<AgentPlayout>();
        services.AddSingleton<Push.IAgentPlayout>(sp => sp.GetRequiredService<AgentPlayout>());
        services.AddSingleton<ArmingLoop>();
        services.AddHostedService(sp => sp.GetRequiredService<ArmingLoop>());
        return services;
    }

    /// <summary>The cache's settings derived from validated options.</summary>
    public static MediaCacheSettings CacheSettings(StationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new MediaCacheSettings
        {
            MediaRoot = options.MediaPath,
            HubUrl = options.IsEnrolled ? new Uri(options.Hub.Url!, UriKind.Absolute) : null,
            StationToken = options.Hub.StationToken,
            MaxConcurrentDownloads = options.Station.MaxConcurrentDownloads,
            Attempts = options.Station.DownloadAttempts,
            IdleTimeout = TimeSpan.FromSeconds(options.Station.DownloadIdleSeconds),
        };
    }
}
