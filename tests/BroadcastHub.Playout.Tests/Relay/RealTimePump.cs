using System.Diagnostics;
using NAudio.Wave;

namespace BroadcastHub.Playout.Tests.Relay;

/// <summary>Reads a provider in 20 ms blocks paced in real time, as a sound card would, and keeps what it gave.</summary>
internal static class RealTimePump
{
    public static async Task<(float[] Audio, DateTimeOffset StartedAt)> RunAsync(ISampleProvider source, double seconds,
        Action<double>? at = null)
    {
        var rate = source.WaveFormat.SampleRate;
        var channels = source.WaveFormat.Channels;
        var output = new List<float>();
        var block = new float[rate / 50 * channels];
        var clock = Stopwatch.StartNew();
        var startedAt = DateTimeOffset.UtcNow;
        long produced = 0;
        while (clock.Elapsed.TotalSeconds < seconds + 5)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * rate) + block.Length / channels;
            while (produced < due)
            {
                var n = source.Read(block);
                if (n == 0) return (output.ToArray(), startedAt);
                output.AddRange(block.AsSpan(0, n));
                produced += n / channels;
            }
            at?.Invoke(clock.Elapsed.TotalSeconds);
            await Task.Delay(10);
        }
        return (output.ToArray(), startedAt);
    }
}

/// <summary>A test tone that ends after <paramref name="seconds"/>: a fill item that is easy to recognise.</summary>
internal sealed class ToneFill(WaveFormat format, double frequency, double seconds) : ISampleProvider
{
    private long _frame;

    public WaveFormat WaveFormat => format;

    public int Read(Span<float> buffer)
    {
        var frames = (int)Math.Min(buffer.Length / format.Channels, (long)(seconds * format.SampleRate) - _frame);
        if (frames <= 0) return 0;
        for (var i = 0; i < frames; i++, _frame++)
            for (var c = 0; c < format.Channels; c++)
                buffer[i * format.Channels + c] = (float)(0.3 * Math.Sin(2 * Math.PI * frequency * _frame / format.SampleRate));
        return frames * format.Channels;
    }

    /// <summary>Seconds of <paramref name="audio"/> (mono) in 20 ms windows where a tone of <paramref name="frequency"/> dominates.</summary>
    public static double SecondsOf(float[] audio, int rate, double frequency) => BroadcastHub.TestStreams.ToneDetector.SecondsOf(audio, rate, frequency);
}
