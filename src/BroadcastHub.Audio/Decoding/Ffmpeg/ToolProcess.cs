using System.Diagnostics;
using System.Text;

namespace BroadcastHub.Audio.Decoding.Ffmpeg;

/// <summary>What a finished tool run printed.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="StandardOutput">Its standard output, cut at the capture limit.</param>
/// <param name="StandardError">Its standard error, cut at the capture limit.</param>
public sealed record ToolRun(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// Runs ffmpeg or ffprobe with an argument list (never a shell string), standard input closed, output captured up to a
/// limit, and the process tree killed when the caller gives up — the one way every part of BroadcastHub starts them.
/// </summary>
public sealed class ToolProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new(), _errors = new();
    private readonly int _maxCapturedChars;

    private ToolProcess(string exe, IEnumerable<string> arguments, int maxCapturedChars)
    {
        _maxCapturedChars = maxCapturedChars;
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
            UseShellExecute = false, CreateNoWindow = true,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_errors, e.Data);
        _process.Start();
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Runs <paramref name="exe"/> and waits; null when <paramref name="timeout"/> passed (the process was killed).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> fired (the process was killed).</exception>
    public static ToolRun? Run(string exe, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancel,
        int maxCapturedChars = 16 * 1024)
    {
        using var tool = new ToolProcess(exe, arguments, maxCapturedChars);
        bool exited;
        using (cancel.Register(tool.Kill)) exited = tool._process.WaitForExit(timeout);
        return tool.Finish(exited, cancel);
    }

    /// <summary>As <see cref="Run"/>, without holding a thread while the tool works.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> fired (the process was killed).</exception>
    public static async Task<ToolRun?> RunAsync(string exe, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancel,
        int maxCapturedChars = 16 * 1024)
    {
        using var tool = new ToolProcess(exe, arguments, maxCapturedChars);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(timeout);
        var exited = true;
        try
        {
            await tool._process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            exited = false;
        }
        return tool.Finish(exited, cancel);
    }

    /// <summary>Kills the process if it is still running.</summary>
    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private ToolRun? Finish(bool exited, CancellationToken cancel)
    {
        if (!exited) Kill();
        _process.WaitForExit();   // also waits for the last output lines
        cancel.ThrowIfCancellationRequested();
        if (!exited) return null;
        lock (_output) lock (_errors) return new ToolRun(_process.ExitCode, _output.ToString(), _errors.ToString());
    }

    private void Append(StringBuilder to, string? line)
    {
        if (line is null) return;
        lock (to)
            if (to.Length < _maxCapturedChars) to.AppendLine(line);
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { } // not started or already exited
    }
}
