using BroadcastHub.Core.Scheduling;
using BroadcastHub.Playout;
using BroadcastHub.Station.Local;
using BroadcastHub.Station.Push;
using BroadcastHub.Station.Sync;

namespace BroadcastHub.Station.Playout;

/// <summary>
/// The engine's immediate commands on a station PC, as the push channel gives them: an emergency is stored locally
/// (so crash recovery and the airtime log know it) and aired at once; a stop fades out what the zone airs. Both are
/// idempotent: an emergency already stored and claimed, or a zone airing nothing, changes nothing.
/// </summary>
public sealed class AgentPlayout(PlayoutEngine engine, ManifestStore manifests, LocalPlayoutStore store, ILogger<AgentPlayout> log) : IAgentPlayout
{
    /// <inheritdoc />
    public Task PlayEmergencyAsync(HubOccurrence occurrence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        log.LogWarning("Emergency occurrence {Id} for zone {Zone} received", occurrence.Id, occurrence.ZoneId);
        if (occurrence.SessionId is not null || !store.Plays(occurrence.ZoneId))
        {
            log.LogWarning("Emergency occurrence {Id} is not an emergency of this station's zones; ignored", occurrence.Id);
            return Task.CompletedTask;
        }
        manifests.Add(occurrence);
        if (store.FindOccurrence(occurrence.Id) is { State: OccurrenceState.Planned }) engine.PlayEmergency(occurrence.Id);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(long zoneId, CancellationToken ct)
    {
        log.LogWarning("Stop for zone {Zone} received", zoneId);
        engine.StopZone(zoneId, "stopped from the hub");
        return Task.CompletedTask;
    }
}
