using System.Diagnostics;
using BroadcastHub.Audio.Loudness;
using BroadcastHub.Audio.Tests.Newsroom;
using BroadcastHub.Audio.Tests.TestSupport;
using NAudio.Wave;

namespace BroadcastHub.Audio.Tests.Loudness;

/// <summary>Speech made by ffmpeg from the shared fixture, run through the leveller, measured by ffmpeg's ebur128.</summary>
public static class LevellerSignals
{
    public const int Rate = 48000;
    public const double Target = -23, MaxGain = 12;
    private const double FixtureLufs = -19.1; // bulletin-vi-mono-16k-s16.wav, manifest.tsv

    /// <summary>The speech fixture looped <paramref name="times"/> times at about <paramref name="lufs"/>, 48 kHz mono.</summary>
    public static float[] Speech(double lufs, int times)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-v", "error", "-nostdin", "-stream_loop", (times - 1).ToString(), "-i",
                     DecodingFixtures.PathOf("bulletin-vi-mono-16k-s16.wav"), "-af", $"volume={lufs - FixtureLufs:0.00}dB",
                     "-ar", Rate.ToString(), "-ac", "1", "-f", "f32le", "-" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        using var bytes = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(bytes);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        var samples = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes.ToArray(), 0, samples, 0, samples.Length * 4);
        return samples;
    }

    public static float[] Silence(double seconds) => new float[(int)(seconds * Rate)];

    public static float[] Concat(params float[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>Runs <paramref name="input"/> through a leveller with the test target, in uneven reads.</summary>
    public static float[] Level(float[] input) =>
        LoudnessSignals.ReadAll(new ShortTermLeveller(LoudnessSignals.Source(input, Rate, 1), Target, MaxGain), [4800, 333, 1, 9000, 64]);

    /// <summary>Integrated loudness by ffmpeg's ebur128 of <paramref name="samples"/> from <paramref name="fromSeconds"/> on.</summary>
    public static double FfmpegLufs(float[] samples, double fromSeconds, double? toSeconds = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"leveller-{Guid.NewGuid():N}.wav");
        try
        {
            var from = (int)(fromSeconds * Rate);
            var to = toSeconds is { } t ? (int)(t * Rate) : samples.Length;
            using (var writer = new WaveFileWriter(path, WaveFormat.CreateIeeeFloatWaveFormat(Rate, 1)))
                writer.WriteSamples(samples, from, to - from);
            return FfmpegReference.IntegratedLufs(path);
        }
        finally { File.Delete(path); }
    }

    /// <summary>The gain applied over 100 ms from <paramref name="atSeconds"/>, dB (NaN where the input is silent).</summary>
    public static double GainDb(float[] input, float[] output, double atSeconds)
    {
        var from = (int)(atSeconds * Rate);
        double i2 = 0, o2 = 0;
        for (var k = from; k < from + Rate / 10; k++) (i2, o2) = (i2 + input[k] * (double)input[k], o2 + output[k] * (double)output[k]);
        return i2 < 1e-9 ? double.NaN : 10 * Math.Log10(o2 / i2);
    }
}
