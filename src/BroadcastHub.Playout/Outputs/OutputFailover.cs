namespace BroadcastHub.Playout;

/// <summary>
/// Which output an occurrence airs on after device failures: the zone's own output, reopened up to
/// <c>retries</c> times in a row without a frame played, then the fallback output under the same rule, then none.
/// A failure after frames were played (mid-air) counts as progress, so a flaky card is reopened again.
/// </summary>
public sealed class OutputFailover(int retries)
{
    private int _left = Math.Max(0, retries);

    /// <summary>True once the zone's own output has used up its retries.</summary>
    public bool OnFallback { get; private set; }

    /// <summary>Number of the retry in progress on the current output (0 for its first opening).</summary>
    public int Retry { get; private set; }

    /// <summary>After a failure, moves to the next attempt; false when both outputs are exhausted.</summary>
    public bool Next(bool progressed)
    {
        if (progressed) _left = Math.Max(0, retries);
        if (_left > 0)
        {
            _left--;
            Retry++;
            return true;
        }
        if (OnFallback) return false;
        (OnFallback, Retry, _left) = (true, 0, Math.Max(0, retries));
        return true;
    }
}
