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
}
