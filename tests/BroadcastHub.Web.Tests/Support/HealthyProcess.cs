using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BroadcastHub.Web.Tests.Support;

/// <summary>Starts one of our executables as a child process, waits until its <c>/health</c> answers, and ends it.</summary>
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

    /// <summary>SIGTERM and wait up to 30 s: a normal service stop.</summary>
    public static async Task StopAsync(Process? process)
    {
        if (process is null || process.HasExited) return;
        Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>SIGKILL (of its children too when <paramref name="entireProcessTree"/>) and wait: a crash or a power cut.</summary>
    public static async Task KillAsync(Process? process, bool entireProcessTree = false)
    {
        if (process is null || process.HasExited) return;
        process.Kill(entireProcessTree);
        await process.WaitForExitAsync();
    }

    /// <summary>Deletes a child's data folder; a file still held open leaves it to the temp cleaner.</summary>
    public static void DeleteDataFolder(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
