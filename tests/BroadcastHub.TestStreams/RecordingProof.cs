using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BroadcastHub.TestStreams;

/// <summary>
/// ffmpeg as the independent reference for relay recordings: decodes a file to float PCM, measures integrated
/// loudness (ebur128), and the normalised cross-correlation's peak between two signals.
/// </summary>
public static partial class RecordingProof
{
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
    public static double Lufs(string path, string[]? before = null)
    {
        var (_, stderr) = Run(["-nostats", "-nostdin", .. before ?? [], "-i", path, "-af", "ebur128", "-f", "null", "-"]);
        var summary = stderr[stderr.LastIndexOf("Summary:", StringComparison.Ordinal)..];
        return double.Parse(Integrated().Match(summary).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Integrated loudness of interleaved float samples by ffmpeg's ebur128 filter, LUFS.</summary>
    public static double Lufs(float[] samples, int rate, int channels)
    {
        var path = Path.Combine(Path.GetTempPath(), $"proof-{Guid.NewGuid():N}.f32");
        try
        {
            var bytes = new byte[samples.Length * 4];
            Buffer.BlockCopy(samples, 0, bytes, 0, bytes.Length);
            File.WriteAllBytes(path, bytes);
            return Lufs(path, ["-f", "f32le", "-ar", Invariant(rate), "-ac", Invariant(channels)]);
        }
        finally { File.Delete(path); }
    }

    /// <summary>
    /// Correlates <paramref name="length"/> samples of <paramref name="a"/> from <paramref name="start"/> with
    /// <paramref name="b"/> shifted by every lag within ±<paramref name="maxLag"/>; b[i + lag] matches a[i] at the peak.
    /// </summary>
    public static (int Lag, double Peak) Best(float[] a, float[] b, int start, int length, int maxLag)
    {
        var (bestLag, best) = (0, double.NegativeInfinity);
        for (var lag = -maxLag; lag <= maxLag; lag++)
        {
            double ab = 0, aa = 0, bb = 0;
            for (var i = start; i < start + length; i++)
            {
                var j = i + lag;
                if (j < 0 || j >= b.Length) continue;
                (ab, aa, bb) = (ab + a[i] * (double)b[j], aa + a[i] * (double)a[i], bb + b[j] * (double)b[j]);
            }
            var r = aa > 0 && bb > 0 ? ab / Math.Sqrt(aa * bb) : 0;
            if (r > best) (bestLag, best) = (lag, r);
        }
        return (bestLag, best);
    }

    private static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static (byte[] Stdout, string Stderr) Run(string[] args)
    {
        var start = new ProcessStartInfo(Renders.Ffmpeg) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg failed: {errors.Result}");
        return (output.ToArray(), errors.Result);
    }

    [GeneratedRegex(@"I:\s+(-?[0-9.]+) LUFS")]
    private static partial Regex Integrated();
}
