using NAudio.Wave;

namespace BroadcastHub.Audio.Loudness;

/// <summary>A fixed gain in dB. A gain of exactly 0 dB passes samples through untouched (bit-exact).</summary>
public sealed class LoudnessGainSampleProvider : ISampleProvider
{
    private readonly ISampleProvider _source;
    private readonly float _factor;

    /// <summary>Wraps <paramref name="source"/> with <paramref name="gainDb"/> of gain.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The gain is not finite.</exception>
    public LoudnessGainSampleProvider(ISampleProvider source, double gainDb)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        if (!double.IsFinite(gainDb)) throw new ArgumentOutOfRangeException(nameof(gainDb), gainDb, "The gain must be finite.");
        GainDb = gainDb;
        _factor = gainDb == 0 ? 1f : (float)Math.Pow(10, gainDb / 20);
    }

    /// <summary>The gain applied, dB.</summary>
    public double GainDb { get; }

    /// <inheritdoc />
    public WaveFormat WaveFormat => _source.WaveFormat;

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        var n = _source.Read(buffer);
        if (_factor == 1f) return n;
        var factor = _factor;
        foreach (ref var x in buffer[..n]) x *= factor;
        return n;
    }
}
