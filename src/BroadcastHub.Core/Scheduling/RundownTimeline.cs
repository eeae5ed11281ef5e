namespace BroadcastHub.Core.Scheduling;

/// <summary>Planned offsets of a stored rundown: back to back, except that a repeat waits for its "not before" offset.</summary>
public static class RundownTimeline
{
    /// <summary>Planned start offset (seconds after the occurrence's start) of each item, in order.</summary>
    public static IReadOnlyList<double> Offsets(IEnumerable<(double? NotBeforeSeconds, double Seconds)> items)
    {
        var offsets = new List<double>();
        var cursor = 0.0;
        foreach (var (notBefore, seconds) in items)
        {
            var start = Math.Max(cursor, notBefore ?? 0);
            offsets.Add(start);
            cursor = start + seconds;
        }
        return offsets;
    }

    /// <summary>
    /// Planned start offset and length of each item of a session of <paramref name="sessionSeconds"/>: an item whose
    /// length is null (a relay "until the session's end") takes what is left after its start (0 when none is).
    /// </summary>
    public static IReadOnlyList<(double Offset, double Seconds)> Plan(IEnumerable<(double? NotBeforeSeconds, double? Seconds)> items, double sessionSeconds)
    {
        var plan = new List<(double, double)>();
        var cursor = 0.0;
        foreach (var (notBefore, seconds) in items)
        {
            var start = Math.Max(cursor, notBefore ?? 0);
            var length = seconds ?? Math.Max(0, sessionSeconds - start);
            plan.Add((start, length));
            cursor = start + length;
        }
        return plan;
    }
}
