using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BroadcastHub.Audio.Tests.Newsroom;

/// <summary>ffmpeg run directly as the independent reference: its decoded frame count and its ebur128 loudness.</summary>
public static partial class FfmpegReference
{
    /// <summary>Sample frames ffmpeg decodes from the first audio stream (16-bit mono, counted in bytes).</summary>
    public static long Frames(string path)
    {
        var (stdout, _) = Run(true, "-v", "error", "-nostdin", "-i", path, "-map", "0:a:0", "-ac", "1", "-f", "s16le", "-");
        return stdout / 2;
    }

    /// <summary>Integrated loudness from ffmpeg's ebur128 filter, LUFS.</summary>
    public static double IntegratedLufs(string path)
    {
        var (_, stderr) = Run(false, "-nostats", "-nostdin", "-i", path, "-map", "0:a:0", "-af", "ebur128", "-f", "null", "-");
        var summary = stderr[stderr.LastIndexOf("Summary:", StringComparison.Ordinal)..];
        return double.Parse(Integrated().Match(summary).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static (long StdoutBytes, string Stderr) Run(bool countStdout, params string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        long bytes = 0;
        var buffer = new byte[65536];
        int n;
        while ((n = process.StandardOutput.BaseStream.Read(buffer)) > 0) bytes += n;
        process.WaitForExit();
        return (countStdout ? bytes : 0, errors.Result);
    }

    [GeneratedRegex(@"I:\s+(-?[0-9.]+) LUFS")]
    private static partial Regex Integrated();
}
