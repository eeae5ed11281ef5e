using BroadcastHub.Playout;
using BroadcastHub.Station.Local;
using BroadcastHub.Station.Status;

namespace BroadcastHub.Station.Sync;

/// <summary>
/// <c>POST /api/station/heartbeat</c>: version, the station's clock, NTP state, cache coverage, pending airtime and each
/// zone's output state as the agent's engine knows it (<c>ready</c>, <c>error</c>, <c>fallback</c>; <c>unknown</c> without an engine;
/// <c>relay_unreachable</c> while a relay of the zone cannot reach its stream, so the hub alerts before the slot).
/// </summary>
public sealed class HeartbeatSender(HubClient hub, ManifestStore store, AirtimeOutbox outbox, TimeProvider time, ZoneOutputs? outputs = null,
    BroadcastHub.Playout.Relay.RelayAlerts? relayAlerts = null)
{
    /// <summary>A zone's output state when no engine runs here.</summary>
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
            zones = store.ZoneIds().Select(id => new
            {
                zoneId = id,
                outputState = relayAlerts?.Current().Any(a => a.ZoneId == id) == true ? BroadcastHub.Playout.Relay.RelayAlerts.Code : outputs?.StateOf(id).State ?? UnknownOutput,
            }),
        };
        using var _ = await hub.SendAsync(HttpMethod.Post, "api/station/heartbeat", body, ct);
    }
}
