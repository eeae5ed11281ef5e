using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Data;
using BroadcastHub.Web.Tests.EndToEnd;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Postgres;

/// <summary>
/// Two real hub processes on one fresh PostgreSQL database (app tables and Hangfire's schema shared), each with its own
/// data folder, one media folder shared as <c>BroadcastHub:MediaPath</c> (one volume, as docs/operations.md asks), and
/// the <c>file</c> output; the recurring planner runs every
/// minute so a test can watch it.
/// </summary>
public sealed class TwoNodes : IAsyncDisposable
{
    private const string Mp3 = "bulletin-vi-mono-22k-cbr64.mp3";
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private readonly TestPostgresDatabase _database = new();
    private readonly IDictionary<string, string> _extra;
    private readonly string _media = Path.Combine(Path.GetTempPath(), "bh-media-" + Guid.NewGuid().ToString("N")[..10]);

    /// <param name="extra">Settings for both nodes on top of the defaults (e.g. another planner cron).</param>
    public TwoNodes(IDictionary<string, string>? extra = null)
    {
        _extra = extra ?? new Dictionary<string, string>();
        One = Node();
        Two = Node();
        Database = AppDatabase.Postgres(_database.ConnectionString);
    }

    public AppProcess One { get; }
    public AppProcess Two { get; }
    public AppDatabase Database { get; }
    public IEnumerable<AppProcess> Both => [One, Two];

    /// <summary>Starts node one first (it migrates the fresh database), then node two; both signed in.</summary>
    public async Task StartAsync()
    {
        await One.StartAsync();
        await Two.StartAsync();
        await One.SignInAsync();
        await Two.SignInAsync();
    }

    /// <summary>Through <paramref name="node"/>: a commune, an approved bulletin, a daily session starting in
    /// <paramref name="lead"/> and a booking of today; returns the occurrence id and its local date.</summary>
    public static async Task<(long OccurrenceId, string Date)> BookSoonAsync(AppProcess node, TimeSpan lead)
    {
        var communeId = (await AppProcess.JsonAsync(node.Http.PostAsJsonAsync("/api/communes", new { name = "Xã " + Guid.NewGuid().ToString("N")[..6] })))
            .GetProperty("id").GetInt64();
        var bulletinId = (await AppProcess.JsonAsync(node.Http.PostAsync("/api/bulletins", ApiJson.UploadForm(Fixtures.File(Mp3), "Thông báo"))))
            .GetProperty("id").GetInt64();
        (await node.Http.PostAsync($"/api/bulletins/{bulletinId}/approve", null)).EnsureSuccessStatusCode();
        var startLocal = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.Add(lead), Zone);
        startLocal = startLocal.AddTicks(-(startLocal.Ticks % TimeSpan.TicksPerSecond));
        var session = await AppProcess.JsonAsync(node.Http.PostAsJsonAsync("/api/sessions", new
        {
            communeId, weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = startLocal.ToString("HH:mm:ss"), lengthMinutes = 15,
        }));
        var date = startLocal.ToString("yyyy-MM-dd");
        var booking = await AppProcess.JsonAsync(node.Http.PostAsJsonAsync("/api/bookings", new
        {
            sessionId = session.GetProperty("id").GetInt64(), bulletinIds = new[] { bulletinId }, from = date, to = date,
        }));
        return (Assert.Single(booking.GetProperty("occurrences").EnumerateArray()).GetProperty("id").GetInt64(), date);
    }

    /// <summary>The airtime records of <paramref name="date"/> for one occurrence, as <paramref name="node"/>'s API lists them.</summary>
    public static async Task<List<JsonElement>> AirtimeOf(AppProcess node, string date, long occurrenceId)
    {
        var response = await node.Http.GetAsync($"/api/airtime?from={date}&to={date}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}\n{Logs(node)}");
        return JsonDocument.Parse(body).RootElement.EnumerateArray()
            .Where(r => r.GetProperty("occurrenceId").GetInt64() == occurrenceId).Select(r => r.Clone()).ToList();
    }

    /// <summary>Every BWF recording under either node's <c>air/</c> folder.</summary>
    public IReadOnlyList<string> Recordings() =>
        Both.SelectMany(n => Directory.Exists(Path.Combine(n.DataPath, "air"))
            ? Directory.EnumerateFiles(Path.Combine(n.DataPath, "air"), "*.wav", SearchOption.AllDirectories)
            : []).ToList();

    /// <summary>The log files of a node's data folder (errors with their stack traces), for a failure message.</summary>
    public static string Logs(AppProcess node) =>
        Directory.Exists(Path.Combine(node.DataPath, "logs"))
            ? string.Join("\n", Directory.EnumerateFiles(Path.Combine(node.DataPath, "logs"), "*", SearchOption.AllDirectories)
                .Select(f => { using var r = new StreamReader(new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)); return r.ReadToEnd(); }))
            : node.Output;

    /// <summary>Both nodes' console output, for a failure message.</summary>
    public string Output => $"--- node 1 ---\n{One.Output}\n--- node 2 ---\n{Two.Output}";

    public async ValueTask DisposeAsync()
    {
        await One.DisposeAsync();
        await Two.DisposeAsync();
        _database.Dispose();
        if (Directory.Exists(_media)) Directory.Delete(_media, recursive: true);
    }

    private AppProcess Node()
    {
        var settings = new Dictionary<string, string>
        {
            ["BroadcastHub__HouseFormat__SampleRate"] = "22050",
            ["BroadcastHub__HouseFormat__Channels"] = "1",
            ["BroadcastHub__Database__Provider"] = "postgres",
            ["ConnectionStrings__BroadcastHub"] = _database.ConnectionString,
            ["BroadcastHub__PlannerCron"] = "* * * * *",
            ["BroadcastHub__MediaPath"] = _media,   // either node may air what the other stored
        };
        foreach (var (key, value) in _extra) settings[key] = value;
        return new AppProcess(settings);
    }
}
