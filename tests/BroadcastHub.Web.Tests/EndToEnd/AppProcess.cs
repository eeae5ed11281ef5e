using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.EndToEnd;

/// <summary>
/// The real BroadcastHub executable as a child process: real SQLite files in a temp data folder, Hangfire on its
/// SQLite storage, the paced <c>file</c> output. Can be stopped gracefully, killed (-9) and restarted on the same data.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string AdminPassword = "E2e-Admin-Pass-1";
    private readonly Dictionary<string, string> _settings;
    private Process? _process;
    private readonly StringBuilder _output = new();

    public AppProcess(IDictionary<string, string>? settings = null)
    {
        DataPath = Path.Combine(Path.GetTempPath(), "bh-e2e-" + Guid.NewGuid().ToString("N")[..10]);
        Port = HealthyProcess.FreePort();
        _settings = new Dictionary<string, string>
        {
            ["BroadcastHub__DataPath"] = DataPath,
            ["BroadcastHub__Outputs__Default"] = "file",
            ["BROADCASTHUB_ADMIN_PASSWORD"] = AdminPassword,
            ["BroadcastHub__DefaultPolicy__AllowedFrom"] = "00:00",
            ["BroadcastHub__DefaultPolicy__AllowedTo"] = "00:00",
            // The rig signs in with the first password and approves its own uploads; the rules are tested in-process.
            ["BroadcastHub__Auth__RequireFirstPasswordChange"] = "false",
            ["BroadcastHub__Approval__FourEyes"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) _settings[key] = value;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public string DataPath { get; }
    public int Port { get; }
    public HttpClient Http { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "BroadcastHub.Web.dll"), "--urls", $"http://127.0.0.1:{Port}"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in _settings) info.Environment[key] = value;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _process = HealthyProcess.Start(info, _output);
        await HealthyProcess.WaitForHealthAsync(_process, _output, Http, "app");
    }

    /// <summary>SIGTERM and wait: a normal service stop.</summary>
    public Task StopAsync() => HealthyProcess.StopAsync(_process);

    /// <summary>SIGKILL: a crash or a power cut, as far as the app can tell.</summary>
    public Task KillAsync() => HealthyProcess.KillAsync(_process);

    public async Task SignInAsync()
    {
        var response = await Http.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Awaits an API call that creates something, asserts 201 Created, and returns its JSON body.</summary>
    public static async Task<JsonElement> JsonAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Xunit.Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Http.Dispose();
        HealthyProcess.DeleteDataFolder(DataPath);
    }
}
