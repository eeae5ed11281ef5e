using System.Collections.Concurrent;

namespace BroadcastHub.Playout;

/// <summary>One airing at a time per zone: an output is never opened twice, and an emergency waits only for the
/// preempted airing's fade-out.</summary>
public sealed class ZoneGate
{
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _zones = new();

    /// <summary>Waits until the zone is free; disposing the lease frees it.</summary>
    public async Task<IDisposable> EnterAsync(long zoneId, CancellationToken cancel)
    {
        var gate = _zones.GetOrAdd(zoneId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancel);
        return new Lease(gate);
    }

    private sealed class Lease(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
