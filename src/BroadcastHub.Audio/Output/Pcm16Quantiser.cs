namespace BroadcastHub.Audio.Output;

/// <summary>The one float → 16-bit PCM conversion every output uses, so outputs are bit-identical.</summary>
public static class Pcm16Quantiser
{
    /// <summary>
    /// Converts one sample: clamp to [-1, 1], scale by 32767 in double precision (exact for any float), round to
    /// nearest with ties away from zero. NaN becomes silence.
    /// </summary>
    /// <param name="sample">Float sample, nominally in [-1, 1].</param>
    public static short Quantise(float sample)
    {
        var clamped = float.IsNaN(sample) ? 0f : Math.Clamp(sample, -1f, 1f);
        return (short)Math.Round(clamped * 32767.0, MidpointRounding.AwayFromZero);
    }

    /// <summary>Converts a block of samples, applying <paramref name="gain"/> first.</summary>
    /// <param name="source">Float samples.</param>
    /// <param name="destination">Receives the PCM samples; at least as long as <paramref name="source"/>.</param>
    /// <param name="gain">Linear gain (1 = unchanged).</param>
    public static void Quantise(ReadOnlySpan<float> source, Span<short> destination, float gain = 1f)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = Quantise(source[i] * gain);
        }
    }
}
