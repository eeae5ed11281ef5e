namespace BroadcastHub.Station.Sync;

/// <summary>
/// What the agent learnt from its last exchanges with the hub (kept in memory; the manifest facts are in the local
/// database). The clock offset is the agent's clock minus the hub's, positive when the station is ahead, taken from
/// the sample with the smallest round trip of the last few.
/// </summary>
public sealed class SyncState
{
    private const int Samples = 5;
    private readonly Lock _gate = new();
    private readonly Queue<(long OffsetMs, double RoundTripMs)> _samples = new();

    /// <summary>True after an answer from the hub, false after a failed exchange, null before any.</summary>
    public bool? HubReachable { get; private set; }

    /// <summary>The last failure talking to the hub, or null after a success.</summary>
    public string? LastError { get; private set; }

    /// <summary>True while the push channel is connected, false when it is not, null before the first attempt (or not enrolled).</summary>
    public bool? Push { get; private set; }

    /// <summary>Why the push channel is not connected, or null.</summary>
    public string? PushError { get; private set; }

    /// <summary>Notes the push channel's state.</summary>
    public void PushConnected(bool connected, string? reason)
    {
        Push = connected;
        PushError = connected ? null : reason;
    }

    /// <summary>The best current estimate of the offset, or null before any answer carried <c>X-Hub-Time</c>.</summary>
    public long? ClockOffsetMs
    {
        get { lock (_gate) return _samples.Count == 0 ? null : _samples.MinBy(s => s.RoundTripMs).OffsetMs; }
    }

    /// <summary>Adds a sample: sent at <paramref name="sent"/>, hub time <paramref name="hub"/>, answer at <paramref name="received"/>.</summary>
    public void AddClockSample(DateTimeOffset sent, DateTimeOffset hub, DateTimeOffset received)
    {
        var middle = sent + (received - sent) / 2;
        lock (_gate)
        {
            _samples.Enqueue(((long)Math.Round((middle - hub).TotalMilliseconds), (received - sent).TotalMilliseconds));
            while (_samples.Count > Samples) _samples.Dequeue();
        }
    }

    /// <summary>The hub answered.</summary>
    public void Reached()
    {
        HubReachable = true;
        LastError = null;
    }

    /// <summary>The hub could not be reached or refused the exchange.</summary>
    public void Failed(string reason, bool unreachable)
    {
        HubReachable = !unreachable;
        LastError = reason;
    }
}
