using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using NAudio.Wave;

namespace BroadcastHub.Playout.Tests.Relay.Proof;

/// <summary>ffmpeg as the independent reference: makes test speech, decodes recordings, measures loudness (ebur128).</summary>
public static partial class FfmpegAudio
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    /// <summary>The speech fixture looped to <paramref name="seconds"/>, as interleaved float PCM.</summary>
    public static float[] Speech(double seconds, int rate, int channels) =>
        Decode(Fixture("bulletin-vi-mono-16k-s16.wav"), rate, channels, ["-stream_loop", "-1"], ["-t", seconds.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>Decodes any file ffmpeg reads to interleaved float PCM at <paramref name="rate"/>/<paramref name="channels"/>.</summary>
    public static float[] Decode(string path, int rate, int channels, string[]? before = null, string[]? after = null)
    {
        var (bytes, _) = Run(["-v", "error", "-nostdin", .. before ?? [], "-i", path, .. after ?? [],
            "-ar", Invariant(rate), "-ac", Invariant(channels), "-f", "f32le", "-"]);
        var samples = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 4);
        return samples;
    }

    /// <summary>Integrated loudness of a file by ffmpeg's ebur128 filter, LUFS.</summary>
    public static double Lufs(string path)
    {
        var (_, stderr) = Run(["-nostats", "-nostdin", "-i", path, "-af", "ebur128", "-f", "null", "-"]);
        var summary = stderr[stderr.LastIndexOf("Summary:", StringComparison.Ordinal)..];
        return double.Parse(Integrated().Match(summary).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Integrated loudness of samples (written to a temporary WAV), LUFS.</summary>
    public static double Lufs(float[] samples, int rate, int channels)
    {
        var path = Path.Combine(Path.GetTempPath(), $"proof-{Guid.NewGuid():N}.wav");
        try
        {
            using (var writer = new WaveFileWriter(path, WaveFormat.CreateIeeeFloatWaveFormat(rate, channels)))
                writer.WriteSamples(samples, 0, samples.Length);
            return Lufs(path);
        }
        finally { File.Delete(path); }
    }

    private static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static (byte[] Stdout, string Stderr) Run(string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ffmpeg failed: {errors.Result}");
        return (output.ToArray(), errors.Result);
    }

    [GeneratedRegex(@"I:\s+(-?[0-9.]+) LUFS")]
    private static partial Regex Integrated();
}
