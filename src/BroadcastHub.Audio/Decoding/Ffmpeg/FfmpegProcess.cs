using System.Diagnostics;
using System.Text;

namespace BroadcastHub.Audio.Decoding.Ffmpeg;

/// <summary>What a finished tool run printed.</summary>
internal sealed record ToolRun(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs ffmpeg or ffprobe with an argument list (never a shell string), bounded in time and output.</summary>
internal static class FfmpegProcess
{
    private const int MaxCapturedChars = 16 * 1024;

    /// <summary>Runs <paramref name="exe"/>; kills it when <paramref name="cancel"/> fires or <paramref name="timeout"/> passes.</summary>
    public static ToolRun Run(string exe, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = false,
            UseShellExecute = false, CreateNoWindow = true,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = new Process { StartInfo = start };
        StringBuilder output = new(), errors = new();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(errors, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (cancel.Register(() => Kill(process)))
        {
            if (!process.WaitForExit(timeout))
            {
                Kill(process);
                process.WaitForExit();
                throw new AudioRejectedException(FfmpegErrorCodes.DecodeTimeout,
                    $"Decoding took longer than {timeout.TotalMinutes:0} minutes and was stopped.");
            }
            process.WaitForExit();
        }
        cancel.ThrowIfCancellationRequested();
        lock (output) lock (errors) return new ToolRun(process.ExitCode, output.ToString(), errors.ToString());
    }

    private static void Append(StringBuilder to, string? line)
    {
        if (line is null) return;
        lock (to)
            if (to.Length < MaxCapturedChars) to.AppendLine(line);
    }

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // already exited
    }
}
