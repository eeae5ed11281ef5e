using Xunit;
using BroadcastHub.Audio.Decoding;

namespace BroadcastHub.Audio.Tests.TestSupport;

/// <summary>Signal generators and helpers for decoder and analyser tests.</summary>
public static class DecodingSignals
{
    /// <summary>Interleaved sine of <paramref name="peakDbfs"/> peak on every channel.</summary>
    public static float[] Sine(double hz, double peakDbfs, double seconds, int rate, int channels)
    {
        var frames = (int)Math.Round(seconds * rate);
        var amp = Math.Pow(10, peakDbfs / 20);
        var samples = new float[frames * channels];
        for (var i = 0; i < frames; i++)
        {
            var v = (float)(amp * Math.Sin(2 * Math.PI * hz * i / rate));
            for (var c = 0; c < channels; c++) samples[i * channels + c] = v;
        }

        return samples;
    }

    /// <summary>Interleaved samples where every channel carries a different deterministic pattern.</summary>
    public static float[] DistinctChannels(int frames, int channels, int seed = 7)
    {
        var random = new Random(seed);
        var samples = new float[frames * channels];
        for (var i = 0; i < samples.Length; i++) samples[i] = (float)(random.NextDouble() * 1.9 - 0.95);
        return samples;
    }

    /// <summary>Concatenates sample arrays.</summary>
    public static float[] Concat(params float[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>Reads a source to its end in uneven chunks (whole frames).</summary>
    public static float[] ReadAll(IAudioSource source)
    {
        var channels = source.WaveFormat.Channels;
        var result = new List<float>();
        var buffer = new float[1000 * channels];
        var sizes = new[] { 1000, 333, 1, 4096 / channels + 1 };
        for (var i = 0; ; i++)
        {
            var n = source.Read(buffer.AsSpan(0, Math.Min(buffer.Length, sizes[i % sizes.Length] * channels)));
            if (n == 0) return result.ToArray();
            Assert.Equal(0, n % channels);
            result.AddRange(buffer.AsSpan(0, n));
        }
    }

    /// <summary>Counts the frames a source delivers without keeping them.</summary>
    public static long CountFrames(IAudioSource source)
    {
        var buffer = new float[4096 * source.WaveFormat.Channels];
        long samples = 0;
        int n;
        while ((n = source.Read(buffer)) > 0) samples += n;
        return samples / source.WaveFormat.Channels;
    }
}
