using BroadcastHub.Audio.Analysis;
using NAudio.Wave;

namespace BroadcastHub.Audio.Tests.Loudness;

/// <summary>Helpers for loudness-stage tests: array sources, uneven reads, measurements.</summary>
public static class LoudnessSignals
{
    public static ISampleProvider Source(float[] samples, int rate, int channels) =>
        new ArraySource(samples, WaveFormat.CreateIeeeFloatWaveFormat(rate, channels));

    /// <summary>Reads to the end with changing read sizes (whole frames), asserting whole frames come back.</summary>
    public static float[] ReadAll(ISampleProvider provider, int[]? frameSizes = null)
    {
        var channels = provider.WaveFormat.Channels;
        var sizes = frameSizes ?? [1000, 333, 1, 4097, 64];
        var result = new List<float>();
        var buffer = new float[sizes.Max() * channels];
        for (var i = 0; ; i++)
        {
            var n = provider.Read(buffer.AsSpan(0, sizes[i % sizes.Length] * channels));
            if (n == 0) return result.ToArray();
            Assert.Equal(0, n % channels);
            result.AddRange(buffer.AsSpan(0, n));
        }
    }

    public static double IntegratedLufs(float[] samples, int rate, int channels)
    {
        var meter = new LoudnessMeter(rate, channels);
        meter.Add(samples);
        return meter.IntegratedLufs;
    }

    public static double TruePeakDbtp(float[] samples, int rate, int channels)
    {
        var meter = new TruePeakMeter(rate, channels);
        meter.Add(samples);
        return 20 * Math.Log10(meter.TruePeak);
    }

    /// <summary>A loud, peaky mix: speech-like bursts of noise, clicks, an inter-sample-peak tone and low bass.</summary>
    public static float[] Peaky(int rate, int channels, double seconds, int seed = 3)
    {
        var random = new Random(seed);
        var frames = (int)(seconds * rate);
        var data = new float[frames * channels];
        for (var i = 0; i < frames; i++)
        {
            var t = (double)i / rate;
            var burst = Math.Max(0, Math.Sin(2 * Math.PI * 3 * t)) * (random.NextDouble() * 2 - 1) * 0.9;
            var isp = 0.7 * Math.Sin(Math.PI / 2 * i + Math.PI / 4) * (t % 1 < 0.25 ? 1 : 0);
            var bass = 0.5 * Math.Sin(2 * Math.PI * 60 * t);
            var click = i % (rate / 2) == 100 ? 1.0 : 0.0;
            for (var c = 0; c < channels; c++)
                data[i * channels + c] = (float)Math.Clamp(burst + isp + bass * (c == 0 ? 1 : -1) + click, -1, 1);
        }

        return data;
    }

    private sealed class ArraySource(float[] samples, WaveFormat format) : ISampleProvider
    {
        private int _position;

        public WaveFormat WaveFormat => format;

        public int Read(Span<float> buffer)
        {
            var n = Math.Min(buffer.Length, samples.Length - _position);
            samples.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
    }
}
