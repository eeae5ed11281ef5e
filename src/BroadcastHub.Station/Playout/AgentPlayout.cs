using BroadcastHub.Playout;
using BroadcastHub.Station.Local;
using BroadcastHub.Station.Sync;

namespace BroadcastHub.Station.Playout;

/// <summary>The engine's immediate commands on a station PC (emergency, stop), for the push channel.</summary>
public sealed class AgentPlayout(PlayoutEngine engine, ManifestStore manifests, LocalPlayoutStore store) : IAgentPlayout
{
    /// <inheritdoc />
    public Task<bool> PlayEmergencyAsync(HubOccurrence emergency, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(emergency);
        if (emergency.SessionId is not null || !store.Plays(emergency.ZoneId)) return Task.FromResult(false);
        manifests.Add(emergency);
        if (store.FindOccurrence(emergency.Id) is not { State: Core.Scheduling.OccurrenceState.Planned }) return Task.FromResult(false);
        engine.PlayEmergency(emergency.Id);
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<long>> StopAsync(IReadOnlyCollection<long> zoneIds, string reason, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(zoneIds);
        IReadOnlyList<long> stopped = zoneIds.Where(z => engine.StopZone(z, reason)).ToList();
        return Task.FromResult(stopped);
    }
}
