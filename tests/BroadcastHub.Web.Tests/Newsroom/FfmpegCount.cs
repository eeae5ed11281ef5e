using System.Diagnostics;

namespace BroadcastHub.Web.Tests.Newsroom;

/// <summary>ffmpeg run directly as the independent reference for a file's decoded length.</summary>
public static class FfmpegCount
{
    /// <summary>Sample frames ffmpeg decodes from the file's first audio stream.</summary>
    public static long Frames(string path)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-v", "error", "-nostdin", "-i", path, "-map", "0:a:0", "-ac", "1", "-f", "s16le", "-" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        long bytes = 0;
        var buffer = new byte[65536];
        int n;
        while ((n = process.StandardOutput.BaseStream.Read(buffer)) > 0) bytes += n;
        process.WaitForExit();
        return bytes / 2;
    }
}
