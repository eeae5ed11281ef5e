namespace BroadcastHub.Playout.Relay;

/// <summary>
/// A bounded ring of float samples between the audio thread (<see cref="Write"/>: copies, never waits, drops what does
/// not fit) and one reader thread (<see cref="Read"/>: waits for samples or the end).
/// </summary>
internal sealed class RecordingBuffer(int capacity)
{
    private readonly float[] _ring = new float[capacity];
    private readonly object _gate = new();
    private int _start, _count;
    private bool _closed;
    private long _dropped;

    /// <summary>Samples that did not fit.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Write(ReadOnlySpan<float> samples)
    {
        lock (_gate)
        {
            if (_closed) return;
            var fits = Math.Min(samples.Length, _ring.Length - _count);
            if (fits < samples.Length) Interlocked.Add(ref _dropped, samples.Length - fits);
            var end = (_start + _count) % _ring.Length;
            var first = Math.Min(fits, _ring.Length - end);
            samples[..first].CopyTo(_ring.AsSpan(end));
            samples[first..fits].CopyTo(_ring);
            _count += fits;
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Takes up to <paramref name="into"/>'s length of samples; waits for some; 0 once closed and empty.</summary>
    public int Read(Span<float> into)
    {
        lock (_gate)
        {
            while (_count == 0 && !_closed) Monitor.Wait(_gate);
            var n = Math.Min(into.Length, _count);
            var first = Math.Min(n, _ring.Length - _start);
            _ring.AsSpan(_start, first).CopyTo(into);
            _ring.AsSpan(0, n - first).CopyTo(into[first..]);
            (_start, _count) = ((_start + n) % _ring.Length, _count - n);
            return n;
        }
    }

    /// <summary>No more writes; the reader drains what is left, then gets 0.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.PulseAll(_gate);
        }
    }
}
