using System.Runtime.InteropServices;
using NAudio.Wave;

namespace BroadcastHub.Audio.Output;

/// <summary>Reads 16-bit PCM frames from a provider that delivers IEEE float or 16-bit PCM.</summary>
public sealed class Pcm16FrameReader
{
    private readonly IWaveProvider source;
    private readonly bool isFloat;
    private byte[] buffer = [];

    /// <summary>Wraps <paramref name="source"/>.</summary>
    /// <param name="source">IEEE float (32-bit) or PCM 16-bit audio.</param>
    /// <exception cref="ArgumentException">The source has another encoding.</exception>
    public Pcm16FrameReader(IWaveProvider source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var f = source.WaveFormat;
        isFloat = f.Encoding == WaveFormatEncoding.IeeeFloat && f.BitsPerSample == 32;
        var isPcm16 = f.Encoding == WaveFormatEncoding.Pcm && f.BitsPerSample == 16;
        if (!isFloat && !isPcm16)
        {
            throw new ArgumentException($"Unsupported source format {f}; expected 32-bit float or 16-bit PCM.", nameof(source));
        }

        this.source = source;
        Format = new WaveFormat(f.SampleRate, 16, f.Channels);
    }

    /// <summary>The PCM 16-bit format of the frames returned.</summary>
    public WaveFormat Format { get; }

    /// <summary>Linear gain applied while reading (the player's volume).</summary>
    public float Gain { get; set; } = 1f;

    /// <summary>Fills <paramref name="destination"/> with whole frames; returns samples read (0 = end of source).</summary>
    /// <param name="destination">Interleaved samples; its length should be a multiple of the channel count.</param>
    public int Read(Span<short> destination)
    {
        var bytesPerSample = isFloat ? 4 : 2;
        var wanted = destination.Length * bytesPerSample;
        if (buffer.Length < wanted)
        {
            buffer = new byte[wanted];
        }

        var got = 0;
        while (got < wanted)
        {
            var n = source.Read(buffer.AsSpan(got, wanted - got));
            if (n <= 0)
            {
                break;
            }

            got += n;
        }

        var samples = got / bytesPerSample;
        samples -= samples % Format.Channels;
        if (isFloat)
        {
            Pcm16Quantiser.Quantise(MemoryMarshal.Cast<byte, float>(buffer.AsSpan(0, samples * 4)), destination, Gain);
        }
        else
        {
            var pcm = MemoryMarshal.Cast<byte, short>(buffer.AsSpan(0, samples * 2));
            for (var i = 0; i < samples; i++)
            {
                destination[i] = Gain == 1f ? pcm[i] : Pcm16Quantiser.Quantise(pcm[i] / 32768f * Gain);
            }
        }

        return samples;
    }
}
