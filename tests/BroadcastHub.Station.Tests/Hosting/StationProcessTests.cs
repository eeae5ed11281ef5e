using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BroadcastHub.Station.Hosting;
using BroadcastHub.Station.Tests.Support;

namespace BroadcastHub.Station.Tests.Hosting;

/// <summary>The built agent started as a real process, as a service manager would.</summary>
public sealed class StationProcessTests : IDisposable
{
    private static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(60);
    private readonly TempFolder _data = new();

    [Fact]
    public async Task It_listens_where_ASPNETCORE_URLS_says()
    {
        var port = FreePort();
        using var agent = Start(("ASPNETCORE_URLS", $"http://127.0.0.1:{port}"));
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var deadline = Stopwatch.StartNew();
            HttpResponseMessage? response = null;
            while (response is null && deadline.Elapsed < StartBudget && !agent.HasExited)
            {
                try { response = await http.GetAsync($"http://127.0.0.1:{port}/health"); }
                catch (HttpRequestException) { await Task.Delay(200); }
            }
            if (agent.HasExited) Assert.Fail("The agent ended: " + await agent.StandardError.ReadToEndAsync());
            Assert.NotNull(response);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("not_enrolled", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            agent.Kill(entireProcessTree: true);
            await agent.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_bad_cache_days_ends_the_process_with_a_message_naming_the_key()
    {
        using var agent = Start(("ASPNETCORE_URLS", $"http://127.0.0.1:{FreePort()}"), ("BroadcastHub__Station__CacheDays", "0"));
        var stderr = agent.StandardError.ReadToEndAsync();
        using var budget = new CancellationTokenSource(StartBudget);

        await agent.WaitForExitAsync(budget.Token);

        Assert.Equal(StartupFailure.ConfigurationExitCode, agent.ExitCode);
        Assert.Contains("BroadcastHub:Station:CacheDays", await stderr);
        Assert.DoesNotContain("   at ", await stderr);
    }

    private Process Start(params (string Key, string Value)[] environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BroadcastHub.Station.dll"));
        foreach (var key in info.Environment.Keys.Where(IsInherited).ToList()) info.Environment.Remove(key);
        info.Environment["BroadcastHub__DataPath"] = _data.Path;
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    private static bool IsInherited(string key) =>
        key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("DOTNET_URLS", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("BroadcastHub__", StringComparison.OrdinalIgnoreCase);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _data.Dispose();
}
