using System.Diagnostics;

namespace BroadcastHub.Web.Tests.Support;

/// <summary>Starts the real hub executable with some settings and waits for it to refuse the start (it must exit).</summary>
public static class HubStart
{
    /// <summary>The exit code and everything printed, once the process has exited (a timeout fails the test).</summary>
    public static async Task<(int Code, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string> settings)
    {
        var data = Path.Combine(Path.GetTempPath(), "bh-start-" + Guid.NewGuid().ToString("N")[..10]);
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "BroadcastHub.Web.dll"), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["BroadcastHub__DataPath"] = data;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the app kept running:\n" + await stdout + await stderr);
        }
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
