using System.Diagnostics;
using System.Text;

namespace BroadcastHub.Web.Features.Relay;

/// <summary>Runs ffprobe with an argument list (never a shell), bounded in time and output; killed on timeout.</summary>
internal static class RelayProbeTool
{
    private const int MaxCapturedChars = 64 * 1024;

    /// <summary>The exit code and output, or null when <paramref name="timeout"/> passed (the process was killed).</summary>
    public static async Task<(int ExitCode, string Output, string Errors)?> RunAsync(string exe, IEnumerable<string> arguments, TimeSpan timeout,
        CancellationToken cancel)
    {
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
            UseShellExecute = false, CreateNoWindow = true,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = new Process { StartInfo = start };
        StringBuilder output = new(), errors = new();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(errors, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { } // exited meanwhile
            await process.WaitForExitAsync(CancellationToken.None);
            cancel.ThrowIfCancellationRequested();
            return null;
        }
        process.WaitForExit();
        lock (output) lock (errors) return (process.ExitCode, output.ToString(), errors.ToString());
    }

    private static void Append(StringBuilder to, string? line)
    {
        if (line is null) return;
        lock (to)
            if (to.Length < MaxCapturedChars) to.AppendLine(line);
    }
}
