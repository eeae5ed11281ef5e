using BroadcastHub.Station.Sync;

namespace BroadcastHub.Station.Playout;

/// <summary>What the hub's push channel may ask of this station's playout, at once.</summary>
public interface IAgentPlayout
{
    /// <summary>
    /// Stores <paramref name="emergency"/> (its rundown as the manifest would give it) when it is new, and airs it at once
    /// on its zone, preempting (with a short fade) what plays there. False when it is not this station's or already aired.
    /// </summary>
    Task<bool> PlayEmergencyAsync(HubOccurrence emergency, CancellationToken cancel);

    /// <summary>Stops what <paramref name="zoneIds"/> air now (dừng phát); returns the zones that were airing.</summary>
    Task<IReadOnlyList<long>> StopAsync(IReadOnlyCollection<long> zoneIds, string reason, CancellationToken cancel);
}
