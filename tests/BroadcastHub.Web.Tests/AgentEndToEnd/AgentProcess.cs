using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.AgentEndToEnd;

/// <summary>
/// The real station agent executable as a child process with its own data folder, enrolled with a hub, airing to the
/// paced <c>file</c> output. Can be killed (-9) and started again on the same data.
/// </summary>
public sealed class AgentProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _settings;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public AgentProcess(Uri hub, string token, IDictionary<string, string>? settings = null)
    {
        DataPath = Path.Combine(Path.GetTempPath(), "bh-agent-e2e-" + Guid.NewGuid().ToString("N")[..10]);
        Port = HealthyProcess.FreePort();
        _settings = new Dictionary<string, string>
        {
            ["BroadcastHub__Hub__Url"] = hub.AbsoluteUri,
            ["BroadcastHub__Hub__StationToken"] = token,
            ["BroadcastHub__DataPath"] = DataPath,
            ["BroadcastHub__Outputs__Default"] = "file",
            ["BroadcastHub__HouseFormat__SampleRate"] = "22050",
            ["BroadcastHub__Station__PollSeconds"] = "5",
            ["BroadcastHub__Station__CacheDays"] = "1",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) _settings[key] = value;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string DataPath { get; }
    public int Port { get; }
    public HttpClient Http { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "BroadcastHub.Station.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in _settings) info.Environment[key] = value;
        _process = HealthyProcess.Start(info, _output);
        await HealthyProcess.WaitForHealthAsync(_process, _output, Http, "agent");
    }

    /// <summary>SIGKILL: a crash or a power cut.</summary>
    public Task KillAsync() => HealthyProcess.KillAsync(_process);

    public async Task<JsonElement> HealthAsync() => await Http.GetFromJsonAsync<JsonElement>("/health");

    /// <summary>Waits until the agent stored <paramref name="occurrenceId"/> and has every media file up to its start.</summary>
    public async Task WaitUntilCoveredAsync(DateTimeOffset start, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var health = await HealthAsync();
            if (health.GetProperty("cacheReadyUntil") is { ValueKind: JsonValueKind.String } ready && ready.GetDateTimeOffset() > start
                && health.GetProperty("occurrencesCached").GetInt32() > 0)
                return;
            await Task.Delay(250);
        }
        throw new TimeoutException("The agent never covered the session:\n" + Output);
    }

    /// <summary>Waits until <c>/health</c> satisfies <paramref name="done"/>.</summary>
    public async Task WaitForHealthAsync(Func<JsonElement, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (done(await HealthAsync())) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("The agent's /health never said so:\n" + Output);
    }

    /// <summary>Waits for the first recording of <paramref name="zoneId"/>.</summary>
    public async Task<string> WaitForRecordingAsync(long zoneId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Recordings(zoneId) is [var first, ..]) return first;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Zone {zoneId} never aired on the agent:\n" + Output);
    }

    /// <summary>The recordings the file output wrote for <paramref name="zoneId"/>.</summary>
    public string[] Recordings(long zoneId)
    {
        var folder = Path.Combine(DataPath, "air", $"zone{zoneId}");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.wav", SearchOption.AllDirectories).Order().ToArray() : [];
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Http.Dispose();
        HealthyProcess.DeleteDataFolder(DataPath);
    }
}
