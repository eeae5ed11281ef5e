using System.Diagnostics;
using System.Text;

namespace BroadcastHub.Web.Features.Newsroom.Tts;

/// <summary>Runs a synthesiser with an argument list and the text on standard input (never on a command line).</summary>
internal static class SpeechProcess
{
    /// <summary>Runs <paramref name="exe"/>; returns its standard output, throws <see cref="TtsFailedException"/> on failure.</summary>
    public static string Run(string exe, IEnumerable<string> arguments, string? input, TimeSpan timeout, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false), StandardOutputEncoding = Encoding.UTF8, UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new TtsFailedException($"{exe} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancel);
        var errors = process.StandardError.ReadToEndAsync(cancel);
        if (input is not null) process.StandardInput.Write(input);
        process.StandardInput.Close();
        using (cancel.Register(() => Kill(process)))
        {
            if (!process.WaitForExit(timeout))
            {
                Kill(process);
                throw new TtsFailedException($"{Path.GetFileName(exe)} did not finish within {timeout.TotalSeconds:0} s.");
            }
            process.WaitForExit();
        }
        cancel.ThrowIfCancellationRequested();
        if (process.ExitCode != 0)
            throw new TtsFailedException($"{Path.GetFileName(exe)} exited with code {process.ExitCode}: {errors.Result.Trim()}");
        return output.Result;
    }

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // already exited
    }
}

/// <summary>A synthesiser failed (not the user's input).</summary>
public sealed class TtsFailedException(string message) : Exception(message);
