namespace BroadcastHub.Station.Push;

/// <summary>Wakes the sync loop before its poll interval is up (a <c>changed</c> push, a new push connection).</summary>
public sealed class SyncTrigger
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Asks for a sync round now; several requests before the round starts make one round.</summary>
    public void Request()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { }
    }

    /// <summary>Waits for <paramref name="delay"/> or a request, whichever comes first; false on <paramref name="ct"/>.</summary>
    public async Task<bool> WaitAsync(TimeSpan delay, TimeProvider time, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(delay, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await _signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
        return !ct.IsCancellationRequested;
    }
}
