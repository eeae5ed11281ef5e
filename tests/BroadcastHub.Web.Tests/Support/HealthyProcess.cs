using System.Diagnostics;
using System.Net;
using System.Text;

namespace BroadcastHub.Web.Tests.Support;

/// <summary>Starts one of our executables as a child process and waits until its <c>/health</c> answers.</summary>
internal static class HealthyProcess
{
    /// <summary>Starts <paramref name="info"/> with stdout and stderr appended to <paramref name="output"/> (locked on it).</summary>
    public static Process Start(ProcessStartInfo info, StringBuilder output)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Waits up to 60 s for <c>GET /health</c> through <paramref name="http"/> to answer 200. The process is known to the
    /// caller before this (a test may kill it while it starts).
    /// </summary>
    public static async Task WaitForHealthAsync(Process process, StringBuilder output, HttpClient http, string what)
    {
        string Output() { lock (output) return output.ToString(); }
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The {what} exited at start:\n" + Output());
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The {what} did not answer /health within 60 s:\n" + Output());
    }
}
