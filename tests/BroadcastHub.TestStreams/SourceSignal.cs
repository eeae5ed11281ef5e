namespace BroadcastHub.TestStreams;

/// <summary>
/// What every test stream sends: band-limited pseudo-random noise keyed on the sample index, mono at
/// <see cref="SampleRate"/>, repeating every <see cref="PeriodSeconds"/>. Its content at each instant is known, so
/// aired audio can be correlated with what the source sent then.
/// </summary>
public static class SourceSignal
{
    /// <summary>Samples per second of the source.</summary>
    public const int SampleRate = 48000;

    /// <summary>Length of the sequence before it repeats.</summary>
    public const int PeriodSeconds = 120;

    private static readonly Lazy<float[]> Rendered = new(Render);

    /// <summary>The whole period, sample by sample.</summary>
    public static float[] Samples => Rendered.Value;

    /// <summary>Source sample <paramref name="index"/> (any index; the sequence repeats).</summary>
    public static float At(long index)
    {
        var samples = Samples;
        var i = index % samples.Length;
        return samples[i < 0 ? i + samples.Length : i];
    }

    private static float[] Render()
    {
        var samples = new float[SampleRate * PeriodSeconds];
        ulong state = 0x9E3779B97F4A7C15UL;
        double low1 = 0, low2 = 0;
        const double a = 0.35; // two one-pole low-passes: most energy below ~4 kHz, which MP3 and AAC keep well
        for (var i = 0; i < samples.Length; i++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            var white = (state >> 11) * (1.0 / (1UL << 53)) * 2 - 1;
            low1 += a * (white - low1);
            low2 += a * (low1 - low2);
            samples[i] = (float)(low2 * 0.5);
        }
        return samples;
    }
}
