namespace BroadcastHub.Playout.Relay;

/// <summary>A relay whose stream cannot be reached (at pre-roll or on air): shown until it returns or its session ends.</summary>
/// <param name="ZoneId">The zone that should air it.</param>
/// <param name="OccurrenceId">The occurrence.</param>
/// <param name="Position">The relay item's rundown position.</param>
/// <param name="SourceName">The relay source's name.</param>
/// <param name="Error">Why the stream could not be reached (ffmpeg's words).</param>
/// <param name="SlotStart">When the relay item is (or was) due on air.</param>
/// <param name="Until">When the alert lapses on its own (the session's end).</param>
public sealed record RelayAlert(long ZoneId, long OccurrenceId, int Position, string SourceName, string Error, DateTimeOffset SlotStart,
    DateTimeOffset Until);

/// <summary>The relay alerts of this station's engine; the hub shows them, an agent reports them with its heartbeat.</summary>
public sealed class RelayAlerts(TimeProvider time)
{
    /// <summary>The stable code of the alert.</summary>
    public const string Code = "relay_unreachable";

    private readonly Dictionary<(long, int), RelayAlert> _alerts = [];

    /// <summary>Raises (or renews) the alert of one relay item.</summary>
    public void Raise(RelayAlert alert)
    {
        lock (_alerts) _alerts[(alert.OccurrenceId, alert.Position)] = alert;
    }

    /// <summary>Clears the alert of one relay item (its stream delivers audio again).</summary>
    public void Clear(long occurrenceId, int position)
    {
        lock (_alerts) _alerts.Remove((occurrenceId, position));
    }

    /// <summary>The alerts in force now, oldest slot first.</summary>
    public IReadOnlyList<RelayAlert> Current()
    {
        var now = time.GetUtcNow();
        lock (_alerts)
        {
            foreach (var gone in _alerts.Where(a => a.Value.Until <= now).Select(a => a.Key).ToList()) _alerts.Remove(gone);
            return _alerts.Values.OrderBy(a => a.SlotStart).ToList();
        }
    }
}
