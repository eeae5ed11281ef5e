using BroadcastHub.Station.Local;
using BroadcastHub.Station.Status;

namespace BroadcastHub.Station.Sync;

/// <summary>
/// <c>POST /api/station/heartbeat</c>: version, the station's clock, NTP state, cache coverage, pending airtime and each
/// zone's output state (<c>unknown</c> until the playout runs on the agent).
/// </summary>
public sealed class HeartbeatSender(HubClient hub, ManifestStore store, AirtimeOutbox outbox, TimeProvider time)
{
    /// <summary>The zones' output state while nothing plays on the agent.</summary>
    public const string UnknownOutput = "unknown";

    /// <summary>Sends one heartbeat.</summary>
    public async Task SendAsync(CancellationToken ct)
    {
        var body = new
        {
            agentVersion = StationStatus.AgentVersion,
            clockUtc = time.GetUtcNow(),
            // systemd-timesyncd touches this file once synchronised; absent means unknown, not wrong (as on the hub).
            ntpSynchronized = File.Exists("/run/systemd/timesync/synchronized") ? true : (bool?)null,
            cacheReadyUntil = store.State()?.CacheReadyUntil,
            pendingAirtime = outbox.PendingCount(),
            zones = store.ZoneIds().Select(id => new { zoneId = id, outputState = UnknownOutput }),
        };
        using var _ = await hub.SendAsync(HttpMethod.Post, "api/station/heartbeat", body, ct);
    }
}
