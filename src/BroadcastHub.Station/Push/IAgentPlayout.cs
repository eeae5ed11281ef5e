using BroadcastHub.Station.Sync;

namespace BroadcastHub.Station.Push;

/// <summary>
/// What the push channel asks of the agent's playout: an emergency to air at once, and a stop. The agent's playout
/// implements it (registered instead of <see cref="LoggingAgentPlayout"/>). Both may arrive more than once, and the
/// emergency occurrence also arrives with the next manifest: airing is idempotent on the occurrence id.
/// </summary>
public interface IAgentPlayout
{
    /// <summary>Airs emergency <paramref name="occurrence"/> (the manifest's form, media by SHA-256) now, preempting its zone.</summary>
    Task PlayEmergencyAsync(HubOccurrence occurrence, CancellationToken ct);

    /// <summary>Stops what zone <paramref name="zoneId"/> airs (short fade); nothing airing is not an error.</summary>
    Task StopAsync(long zoneId, CancellationToken ct);
}

/// <summary>The stand-in until the agent airs: says in the log what it was asked and does nothing else.</summary>
public sealed class LoggingAgentPlayout(ILogger<LoggingAgentPlayout> log) : IAgentPlayout
{
    /// <inheritdoc />
    public Task PlayEmergencyAsync(HubOccurrence occurrence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        log.LogWarning("Emergency occurrence {OccurrenceId} for zone {ZoneId} received, but this agent has no playout to air it", occurrence.Id, occurrence.ZoneId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(long zoneId, CancellationToken ct)
    {
        log.LogWarning("Stop for zone {ZoneId} received, but this agent has no playout", zoneId);
        return Task.CompletedTask;
    }
}
