using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.StationPush;

/// <summary>
/// The real station agent executable as a child process, with its own data folder, enrolled with a hub; polling set to
/// an hour, so anything that reaches it within seconds came through the push channel.
/// </summary>
public sealed class AgentProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly HttpClient _http;

    private AgentProcess(Process process, StringBuilder output, int port, string dataPath)
    {
        (_process, _output, DataPath) = (process, output, dataPath);
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string DataPath { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts the agent for <paramref name="hub"/> with <paramref name="token"/> and waits until its push channel is connected.</summary>
    public static async Task<AgentProcess> StartAsync(Uri hub, string token, int pollSeconds = 3600)
    {
        var port = HealthyProcess.FreePort();
        var dataPath = Path.Combine(Path.GetTempPath(), "bh-agent-" + Guid.NewGuid().ToString("N")[..10]);
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "BroadcastHub.Station.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("BroadcastHub__", StringComparison.OrdinalIgnoreCase)).ToList())
            info.Environment.Remove(key);
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["BroadcastHub__DataPath"] = dataPath;
        info.Environment["BroadcastHub__Hub__Url"] = hub.AbsoluteUri;
        info.Environment["BroadcastHub__Hub__StationToken"] = token;
        info.Environment["BroadcastHub__Station__PollSeconds"] = pollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Logging__LogLevel__Default"] = "Information";
        info.Environment["BroadcastHub__Outputs__Default"] = "file";
        var output = new StringBuilder();
        var agent = new AgentProcess(HealthyProcess.Start(info, output), output, port, dataPath);
        await agent.WaitForAsync(h => h.GetProperty("push").GetString() == "connected" && h.GetProperty("lastSync").ValueKind != JsonValueKind.Null,
            TimeSpan.FromSeconds(60), "push connected and a first sync");
        return agent;
    }

    /// <summary>The agent's <c>/health</c>.</summary>
    public async Task<JsonElement> HealthAsync() => await _http.GetFromJsonAsync<JsonElement>("/health");

    /// <summary>Polls <c>/health</c> every 50 ms until <paramref name="condition"/> holds; returns how long it took.</summary>
    public async Task<TimeSpan> WaitForAsync(Func<JsonElement, bool> condition, TimeSpan budget, string what)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < budget)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The agent exited while waiting for {what}:\n{Output}");
            try
            {
                if (condition(await HealthAsync())) return watch.Elapsed;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"The agent did not reach '{what}' within {budget.TotalSeconds} s:\n{Output}");
    }

    /// <summary>Waits until the agent's output contains <paramref name="text"/>; returns how long it took.</summary>
    public async Task<TimeSpan> WaitForOutputAsync(string text, TimeSpan budget)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < budget)
        {
            if (Output.Contains(text, StringComparison.Ordinal)) return watch.Elapsed;
            await Task.Delay(20);
        }
        throw new TimeoutException($"The agent did not log '{text}' within {budget.TotalSeconds} s:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        await HealthyProcess.KillAsync(_process, entireProcessTree: true);
        _process.Dispose();
        _http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        HealthyProcess.DeleteDataFolder(DataPath);
    }
}
