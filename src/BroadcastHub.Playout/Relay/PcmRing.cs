namespace BroadcastHub.Playout.Relay;

/// <summary>
/// A bounded ring of interleaved samples that keeps only the newest: a write that does not fit drops the oldest.
/// One writer thread and one reader thread; every member is under one lock (short, no allocation).
/// </summary>
internal sealed class PcmRing(int capacity, int channels)
{
    private readonly float[] _samples = new float[capacity - capacity % channels];
    private readonly Lock _gate = new();
    private long _written;
    private long _read;

    /// <summary>Samples waiting to be read.</summary>
    public int Count
    {
        get { lock (_gate) return (int)(_written - _read); }
    }

    /// <summary>Appends whole frames; the oldest are dropped when the ring is full.</summary>
    public void Write(ReadOnlySpan<float> samples)
    {
        lock (_gate)
        {
            if (samples.Length > _samples.Length) samples = samples[^_samples.Length..];
            foreach (var s in samples) _samples[_written++ % _samples.Length] = s;
            if (_written - _read > _samples.Length) _read = _written - _samples.Length;
        }
    }

    /// <summary>Fills up to the whole of <paramref name="buffer"/> (whole frames); returns how many.</summary>
    public int Read(Span<float> buffer)
    {
        lock (_gate)
        {
            var n = (int)Math.Min(buffer.Length - buffer.Length % channels, _written - _read);
            for (var i = 0; i < n; i++) buffer[i] = _samples[_read++ % _samples.Length];
            return n;
        }
    }

    /// <summary>Drops the oldest samples so that at most <paramref name="keep"/> (whole frames) wait.</summary>
    public void KeepNewest(int keep)
    {
        keep -= keep % channels;
        lock (_gate)
            if (_written - _read > keep) _read = _written - keep;
    }

    /// <summary>Drops everything waiting.</summary>
    public void Clear()
    {
        lock (_gate) _read = _written;
    }
}
