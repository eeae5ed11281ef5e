using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Features.Library;

/// <summary>
/// Lets at most <see cref="LibraryLimitsOptions.MaxConcurrentAnalyses"/> uploads decode and analyse at once, so a burst
/// of uploads cannot take the station's memory or cores from playout. Up to
/// <see cref="LibraryLimitsOptions.MaxQueuedAnalyses"/> more wait their turn; beyond that an upload is refused at once
/// (503 <c>upload_queue_full</c>, with Retry-After) before its file is even stored.
/// </summary>
public sealed class AnalysisGate
{
    private readonly SemaphoreSlim _slots;
    private readonly int _admissible;
    private int _admitted;
    private int _running;
    private int _peak;

    public AnalysisGate(IOptions<LibraryLimitsOptions> options)
    {
        var concurrent = Math.Max(1, options.Value.MaxConcurrentAnalyses);
        _slots = new SemaphoreSlim(concurrent, concurrent);
        _admissible = concurrent + Math.Max(0, options.Value.MaxQueuedAnalyses);
    }

    /// <summary>Analyses running now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>The most analyses that ran at the same time since start (diagnostics and tests).</summary>
    public int PeakRunning => Volatile.Read(ref _peak);

    /// <summary>A place in the queue for one upload, or a refusal when the queue is full. Dispose it when the upload ends.</summary>
    public Ticket Admit()
    {
        if (Interlocked.Increment(ref _admitted) > _admissible)
        {
            Interlocked.Decrement(ref _admitted);
            throw new AppException("upload_queue_full", Msg.Get("TooManyUploadsAreBeingAnalysed"));
        }
        return new Ticket(this);
    }

    /// <summary>One admitted upload: runs its analysis when a slot is free.</summary>
    public sealed class Ticket(AnalysisGate gate) : IDisposable
    {
        private bool _disposed;

        /// <summary>Waits for a free slot, then runs <paramref name="work"/> on the thread pool.</summary>
        public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancel)
        {
            await gate._slots.WaitAsync(cancel);
            try
            {
                var running = Interlocked.Increment(ref gate._running);
                int peak;
                while (running > (peak = Volatile.Read(ref gate._peak)) && Interlocked.CompareExchange(ref gate._peak, running, peak) != peak) { }
                return await Task.Run(work, cancel);
            }
            finally
            {
                Interlocked.Decrement(ref gate._running);
                gate._slots.Release();
            }
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Interlocked.Decrement(ref gate._admitted);
        }
    }
}
