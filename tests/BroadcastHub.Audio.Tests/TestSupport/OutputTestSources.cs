using NAudio.Wave;

namespace BroadcastHub.Audio.Tests.TestSupport;

/// <summary>Synthesised float sources for output tests.</summary>
public static class OutputTestSources
{
    public static readonly WaveFormat House = WaveFormat.CreateIeeeFloatWaveFormat(44100, 1);

    public static readonly TimeZoneInfo Hanoi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>A 440 Hz sine plus a slow ramp, so every sample is distinct enough to catch shifts.</summary>
    public static float[] Signal(TimeSpan duration, WaveFormat? format = null)
    {
        var f = format ?? House;
        var frames = (int)(f.SampleRate * duration.TotalSeconds);
        var data = new float[frames * f.Channels];
        for (var i = 0; i < frames; i++)
        {
            var v = (0.5f * MathF.Sin(2 * MathF.PI * 440f * i / f.SampleRate)) + (0.4f * ((float)i / frames) - 0.2f);
            for (var c = 0; c < f.Channels; c++)
            {
                data[(i * f.Channels) + c] = c == 0 ? v : -v;
            }
        }

        return data;
    }

    public static ISampleProvider Provider(float[] samples, WaveFormat? format = null) =>
        new ArraySampleProvider(samples, format ?? House);

    /// <summary>Independent reference quantiser: round-half-away(clamp(x) * 32767).</summary>
    public static short ToPcm16(float x) =>
        (short)Math.Round(Math.Clamp((double)x, -1.0, 1.0) * 32767.0, MidpointRounding.AwayFromZero);

    /// <summary>Delivers at most real time (sleeps per read), like a live feed; for devices that do not pace.</summary>
    public sealed class RealTimeSource(float[] samples) : ISampleProvider
    {
        private readonly System.Diagnostics.Stopwatch clock = new();
        private int position;

        public WaveFormat WaveFormat => House;

        public int Read(Span<float> buffer)
        {
            clock.Start();
            var due = TimeSpan.FromSeconds((double)position / House.SampleRate);
            if (due > clock.Elapsed)
            {
                Thread.Sleep(due - clock.Elapsed);
            }

            var n = Math.Min(buffer.Length, samples.Length - position);
            samples.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }
    }

    private sealed class ArraySampleProvider(float[] samples, WaveFormat format) : ISampleProvider
    {
        private int position;

        public WaveFormat WaveFormat => format;

        public int Read(Span<float> buffer)
        {
            var n = Math.Min(buffer.Length, samples.Length - position);
            samples.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }
    }
}
