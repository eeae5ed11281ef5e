using System.Reflection;
using BroadcastHub.Playout;
using BroadcastHub.Station.Cache;
using BroadcastHub.Station.Hosting;
using BroadcastHub.Station.Local;
using BroadcastHub.Station.Sync;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Station.Status;

/// <summary>What the agent can truthfully say about itself: configuration, cache, and what the last sync stored.</summary>
public sealed class StationStatus(IOptions<StationOptions> options, MediaCache cache, ManifestStore manifests, AirtimeOutbox outbox, SyncState sync,
    PlayoutEngine? engine = null, TimeProvider? time = null, RecordingQueue? recordings = null)
{
    /// <summary>State when no hub address and token are configured.</summary>
    public const string NotEnrolled = "not_enrolled";

    /// <summary>State when a hub address and token are configured.</summary>
    public const string Enrolled = "enrolled";

    /// <summary>Builds a snapshot; counts the cache folder and reads the local database on each call.</summary>
    public StationSnapshot Snapshot()
    {
        var o = options.Value;
        var stats = cache.Measure();
        var state = manifests.State();
        var refused = outbox.Refused();
        return new StationSnapshot(
            o.IsEnrolled ? Enrolled : NotEnrolled,
            AgentVersion,
            o.Station.CacheDays,
            new CacheSnapshot(stats.Files, stats.Bytes),
            state?.SyncedAt,
            state?.Version,
            manifests.OccurrenceIds().Count,
            state?.CacheReadyUntil,
            outbox.PendingCount(),
            sync.ClockOffsetMs,
            sync.HubReachable,
            sync.LastError,
            refused.Count == 0 ? null : new AirtimeErrorSnapshot(refused.Count, refused[0].Code, refused[0].Message),
            sync.Push switch { true => "connected", false => "disconnected", null => o.IsEnrolled ? "connecting" : "off" },
            sync.PushError,
            engine is null ? null : Playout(engine, state?.CacheReadyUntil),
            recordings?.PendingCount());
    }

    private PlayoutSnapshot Playout(PlayoutEngine playout, DateTimeOffset? coveredUntil)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow();
        return new PlayoutSnapshot(playout.State, coveredUntil, coveredUntil is { } until ? Math.Round(Math.Max(0, (until - now).TotalHours), 1) : null,
            playout.ArmedOccurrences.Count, playout.Playing.Keys.Order().ToList(), manifests.NextStart(now));
    }

    /// <summary>This build's informational version.</summary>
    public static string AgentVersion { get; } =
        typeof(StationStatus).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}

/// <summary>The body of <c>GET /health</c>.</summary>
/// <param name="State"><c>not_enrolled</c> or <c>enrolled</c>.</param>
/// <param name="AgentVersion">This build's version.</param>
/// <param name="CacheDays">Days the agent is configured to keep ahead.</param>
/// <param name="Cache">What the media cache holds.</param>
/// <param name="LastSync">When the last manifest was stored; null before the first sync.</param>
/// <param name="ManifestVersion">The stored manifest's version.</param>
/// <param name="OccurrencesCached">Occurrences in the local database.</param>
/// <param name="CacheReadyUntil">Up to when every planned item's media is cached and verified.</param>
/// <param name="PendingAirtime">Airtime records not yet received by the hub.</param>
/// <param name="ClockOffsetMs">This clock minus the hub's (positive: ahead), round-trip corrected; null before any answer.</param>
/// <param name="HubReachable">Whether the last exchange reached the hub; null before any.</param>
/// <param name="LastError">The last failure talking to the hub.</param>
/// <param name="AirtimeError">Records the hub refused (kept in the outbox); null when none.</param>
/// <param name="Push">The push channel: <c>connected</c>, <c>disconnected</c> (polling meanwhile), <c>connecting</c> or <c>off</c> (not enrolled).</param>
/// <param name="PushError">Why the push channel is not connected, or null.</param>
/// <param name="Playout">What the local engine does and how far ahead it can air without the hub.</param>
/// <param name="PendingRecordings">Relay recordings not yet uploaded to the hub (refused ones included).</param>
public sealed record StationSnapshot(string State, string AgentVersion, int CacheDays, CacheSnapshot Cache, DateTimeOffset? LastSync,
    string? ManifestVersion, int OccurrencesCached, DateTimeOffset? CacheReadyUntil, long PendingAirtime, long? ClockOffsetMs,
    bool? HubReachable, string? LastError, AirtimeErrorSnapshot? AirtimeError, string Push, string? PushError, PlayoutSnapshot? Playout = null,
    long? PendingRecordings = null);

/// <summary>The local engine: airing from local data only.</summary>
/// <param name="State"><c>running</c> or <c>stopping</c>.</param>
/// <param name="CoveredUntil">Up to when every stored occurrence's media is here and verified: the agent airs on its own until then.</param>
/// <param name="CoveredHours">Hours from now to <paramref name="CoveredUntil"/>.</param>
/// <param name="Armed">Occurrences armed (waiting for their instant or on air).</param>
/// <param name="OnAir">Zones airing now.</param>
/// <param name="NextOccurrence">Start of the next stored occurrence not yet aired.</param>
public sealed record PlayoutSnapshot(string State, DateTimeOffset? CoveredUntil, double? CoveredHours, int Armed, IReadOnlyList<long> OnAir,
    DateTimeOffset? NextOccurrence);

/// <summary>Media cache contents.</summary>
/// <param name="Files">Verified-on-arrival media files.</param>
/// <param name="Bytes">Their total size.</param>
public sealed record CacheSnapshot(int Files, long Bytes);

/// <summary>Airtime the hub refused: how many records, and the first one's code and message.</summary>
/// <param name="Refused">Records refused and kept.</param>
/// <param name="Code">The hub's code, e.g. <c>airtime_conflict</c>.</param>
/// <param name="Message">The hub's message.</param>
public sealed record AirtimeErrorSnapshot(int Refused, string Code, string? Message);
