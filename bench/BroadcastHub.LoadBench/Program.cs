using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BroadcastHub.LoadBench;

// Web under load: the real app (child process, loopback only), seeded through its API, then N concurrent clients.
//   dotnet run -c Release --project bench/BroadcastHub.LoadBench [-- --clients 20 --seconds 20]
// Other options: --warmup 3, --communes 50, --bulletins 20, --days 14 (bookings ahead), --airtime-days 30
// (history written into the SQLite file), --no-build (skip `dotnet build src/BroadcastHub.Web -c Release`),
// --keep-data (leave the temp data folder), --ready-to-run (publish the hub with ReadyToRun code, as
// docs/operations.md deploys it, and run that instead of the plain Release build).
// --postgres <conn> [--nodes 2]: the app database on PostgreSQL (a fresh database created on that server, dropped at the
// end) and --nodes hub processes on it (own data folders, one shared BroadcastHub:MediaPath); each client signs in
// through one node and is then served by the next, as behind a load balancer without sticky sessions.
var o = Options.Parse(args);
var inv = CultureInfo.InvariantCulture;
var repo = FindRepo();
var webProject = Path.Combine(repo, "src", "BroadcastHub.Web");
var readyToRunDir = Path.Combine(webProject, "bin", "Release", "net10.0", "bench-r2r");
var webDll = Path.Combine(o.ReadyToRun ? readyToRunDir : Path.Combine(webProject, "bin", "Release", "net10.0"), "BroadcastHub.Web.dll");
var dataPath = Path.Combine(Path.GetTempPath(), "bh-loadbench-" + Guid.NewGuid().ToString("N")[..8]);
const string AdminPassword = "Bench-Load-2026!";
var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
var yesterday = today.AddDays(-1);

var apps = new List<ChildApp>();
var pg = o.Postgres is { } server ? PostgresTarget.Create(server) : null;
var settings = pg is null ? new Dictionary<string, string>() : new Dictionary<string, string>
{
    ["BroadcastHub__Database__Provider"] = "postgres",
    ["ConnectionStrings__BroadcastHub"] = pg.ConnectionString,
    ["BroadcastHub__MediaPath"] = Path.Combine(dataPath, "media"),
};
string NodeData(int node) => pg is null ? dataPath : Path.Combine(dataPath, $"node{node + 1}");
Task<ChildApp> StartNode(int node) =>
    ChildApp.StartAsync(webDll, Path.Combine(webProject, "wwwroot"), NodeData(node), AdminPassword, TimeSpan.FromSeconds(90), settings);
void StopAll()
{
    foreach (var a in apps) a.Dispose();
    apps.Clear();
}
// Hard bound on the whole run: whatever happens, the child is stopped and the bench exits.
using var watchdog = new Timer(_ =>
{
    Console.Error.WriteLine("watchdog: the bench ran past its time bound; stopping.");
    StopAll();
    pg?.Dispose();
    Environment.Exit(3);
}, null, TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(2 * (o.Seconds + o.WarmUp)), Timeout.InfiniteTimeSpan);
Console.CancelKeyPress += (_, _) => StopAll();

try
{
    if (!o.NoBuild && o.ReadyToRun)
    {
        Console.WriteLine($"Publishing {webProject} (Release, ReadyToRun)…");
        Run("dotnet", "publish", webProject, "-c", "Release", "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier,
            "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", readyToRunDir, "-nologo", "-v", "q", "-clp:ErrorsOnly;NoSummary");
    }
    else if (!o.NoBuild)
    {
        Console.WriteLine($"Building {webProject} (Release)…");
        Run("dotnet", "build", webProject, "-c", "Release", "-nologo", "-v", "q", "-clp:ErrorsOnly;NoSummary");
    }
    if (!File.Exists(webDll)) throw new FileNotFoundException("build the web app first", webDll);
    Directory.CreateDirectory(dataPath);
    Console.WriteLine($"Data folder: {dataPath}; station date {ApiSeeder.Date(today)} ({zone.Id})");

    // 1. Seed through the JSON API.
    var seedClock = Stopwatch.StartNew();
    var app = await StartNode(0);
    apps.Add(app);
    Console.WriteLine($"App started on {app.BaseAddress} (seeding run{(pg is null ? "" : $", PostgreSQL database {pg.Name}")})");
    Seeded seeded;
    using (var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) })
    {
        http.DefaultRequestHeaders.Authorization = new("Bearer", await ApiSeeder.TokenAsync(http, "admin", AdminPassword));
        seeded = await new ApiSeeder(http, Console.Out).SeedAsync(o.Communes, o.Bulletins, today, o.Days);
    }
    StopAll();

    // 2. The airtime history the API cannot create, written while the app is stopped.
    var airtimeRows = pg is null
        ? AirtimeSeeder.Seed(Path.Combine(dataPath, "broadcasthub.db"), today, o.AirtimeDays, zone)
        : AirtimeSeeder.SeedPostgres(pg.ConnectionString, today, o.AirtimeDays, zone);
    Console.WriteLine($"  {airtimeRows} airtime records over the {o.AirtimeDays} days before today, hash-chained (written to the {(pg is null ? "SQLite file" : "PostgreSQL database")})");
    Console.WriteLine($"Seeding took {seedClock.Elapsed.TotalSeconds:0.0} s");

    // 3. Restart, check the seeded log is a valid chain, sign the clients in through the form.
    for (var node = 0; node < o.Nodes; node++) apps.Add(await StartNode(node));
    app = apps[0];
    Console.WriteLine($"App restarted on {string.Join(", ", apps.Select(a => a.BaseAddress))} (measured run)");
    string bearer;
    using (var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) })
    {
        bearer = await ApiSeeder.TokenAsync(http, "admin", AdminPassword);
        http.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        var verify = await http.GetFromJsonAsync<JsonNode>("api/airtime/verify");
        Console.WriteLine($"  airtime chain: intact={verify?["intact"]}, records={verify?["records"]}");
    }
    var clients = new List<HttpClient>();
    for (var i = 0; i < o.Clients; i++)
    {
        // Cookies are per host, not per port: a client signed in through one node carries the cookie to the next.
        var cookies = new CookieContainer();
        using (var signIn = LoadRunner.NewClient(apps[(i + 1) % apps.Count].BaseAddress, cookies))
            await LoadRunner.SignInAsync(signIn, "admin", AdminPassword);
        clients.Add(LoadRunner.NewClient(apps[i % apps.Count].BaseAddress, cookies));
    }
    Console.WriteLine($"  {clients.Count} clients signed in through /account/signin (own cookie jar and connection each" +
        (apps.Count > 1 ? $"; client i signed in on node (i+1) mod {apps.Count} and is served by node i mod {apps.Count})" : ")"));

    var month = ApiSeeder.Date(today.AddDays(-30));
    var y = ApiSeeder.Date(yesterday);
    var session = seeded.SessionIds[0];
    Endpoint[] endpoints =
    [
        new("Dashboard page `/`", "/", false),
        new("Schedule page `/schedule`", "/schedule", false),
        new($"Airtime page `/airtime` (yesterday, all communes)", $"/airtime?from={y}&to={y}", false),
        new("API `GET /api/airtime` (yesterday, all communes)", $"/api/airtime?from={y}&to={y}", true),
        new("API `GET /api/sessions/{id}/rundown` (tomorrow)", $"/api/sessions/{session}/rundown?date={ApiSeeder.Date(today.AddDays(1))}", true),
        new("API `GET /api/airtime/summary` (30 days, all communes)", $"/api/airtime/summary?from={month}&to={y}", true),
        new("`GET /health`", "/health", false),
    ];
    // Start-up work (replanning the horizon, arming, JIT) takes a few seconds of CPU after a start: wait until the
    // server is at rest (< 10 % of one core over a second, at most 30 s) so it is not measured as request latency.
    var settle = Stopwatch.StartNew();
    double restCpu;
    do
    {
        var before = apps.Sum(a => a.CpuTime.TotalSeconds);
        await Task.Delay(TimeSpan.FromSeconds(1));
        restCpu = apps.Sum(a => a.CpuTime.TotalSeconds) - before;
    }
    while (restCpu > 0.10 && settle.Elapsed < TimeSpan.FromSeconds(30));
    Console.WriteLine($"  server at rest after {settle.Elapsed.TotalSeconds:0} s ({100 * restCpu:0} % of one core)");
    Console.WriteLine($"Load: {o.Clients} clients, {o.WarmUp} s warm-up (not counted) + {o.Seconds} s measured…");
    // CPU of the server(s) and the clients over the measured window only (snapshotted when the warm-up ends).
    var snapshot = Task.Delay(TimeSpan.FromSeconds(o.WarmUp))
        .ContinueWith(_ => (Server: apps.Sum(a => a.CpuTime.TotalSeconds), Self: Process.GetCurrentProcess().TotalProcessorTime, At: Stopwatch.GetTimestamp()), TaskScheduler.Default);
    var stats = await LoadRunner.RunAsync(clients, bearer, endpoints, TimeSpan.FromSeconds(o.Seconds), TimeSpan.FromSeconds(o.WarmUp));
    var (cpuBefore, selfBefore, measuredFrom) = await snapshot;
    var wall = Stopwatch.GetElapsedTime(measuredFrom);
    var serverCpu = apps.Sum(a => a.CpuTime.TotalSeconds) - cpuBefore;
    var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - selfBefore).TotalSeconds;
    var serverMiB = apps.Sum(a => a.WorkingSetBytes) / 1048576.0;
    foreach (var c in clients) c.Dispose();

    var total = stats.Sum(s => s.Millis.Count + s.Errors);
    Console.WriteLine();
    Console.WriteLine($"{o.Clients} concurrent clients, {o.Seconds} s measured after {o.WarmUp} s warm-up; {total:N0} requests " +
        $"({total / (double)o.Seconds:N0}/s); server CPU {serverCpu:0.0} s over the {wall.TotalSeconds:0.0} s measured " +
        $"({100 * serverCpu / wall.TotalSeconds:0} % of one core; the clients used {100 * clientCpu / wall.TotalSeconds:0} %; " +
        $"{Environment.ProcessorCount} cores shared); server CPU per request {1000 * serverCpu / Math.Max(1, total):0.0} ms; server working set {serverMiB:0} MiB");
    Console.WriteLine($"Data: {seeded.CommuneIds.Count} communes, {seeded.SessionIds.Count} sessions, {seeded.BulletinIds.Count} bulletins, " +
        $"{seeded.Bookings} daily bookings ({seeded.Occurrences} occurrences), {airtimeRows} airtime records");
    Console.WriteLine();
    Console.WriteLine("| endpoint | requests | p50 ms | p95 ms | p99 ms | max ms | errors | p95 ≤ 50 ms |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    foreach (var s in stats)
    {
        var p95 = s.Percentile(95);
        Console.WriteLine(string.Create(inv,
            $"| {s.Endpoint.Name} | {s.Millis.Count + s.Errors:N0} | {s.Percentile(50):0.0} | **{p95:0.0}** | {s.Percentile(99):0.0} | {(s.Millis.Count > 0 ? s.Millis.Max() : double.NaN):0.0} | {s.Errors} | {(p95 <= 50 && s.Errors == 0 ? "met" : "**not met**")} |"));
    }
    foreach (var s in stats.Where(s => s.FirstError is not null))
        Console.WriteLine($"  first error on {s.Endpoint.Path}: {s.FirstError}");
    return stats.Any(s => s.Errors > 0) ? 1 : 0;
}
catch (Exception e)
{
    Console.Error.WriteLine("Load bench failed: " + e.Message);
    foreach (var a in apps) Console.Error.WriteLine("--- app output (last lines) ---\n" + a.Tail());
    return 2;
}
finally
{
    StopAll();
    if (!o.KeepData) pg?.Dispose();
    if (!o.KeepData)
    {
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
        catch (UnauthorizedAccessException)
        {
            // best effort
        }
    }
    else Console.WriteLine($"Data kept in {dataPath}");
}

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "BroadcastHub.sln"))) return dir.FullName;
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "BroadcastHub.sln"))) return dir.FullName;
    throw new InvalidOperationException("BroadcastHub.sln not found above the bench");
}

static void Run(string file, params string[] arguments)
{
    var info = new ProcessStartInfo(file) { UseShellExecute = false };
    foreach (var a in arguments) info.ArgumentList.Add(a);
    using var p = Process.Start(info)!;
    if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
    {
        p.Kill(entireProcessTree: true);
        throw new TimeoutException($"{file} {string.Join(' ', arguments)} took over 5 minutes");
    }
    if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {p.ExitCode}");
}

/// <summary>Command-line options, bounded so a typo cannot start an unbounded run.</summary>
internal sealed record Options(int Clients, int Seconds, int WarmUp, int Communes, int Bulletins, int Days, int AirtimeDays, bool NoBuild, bool KeepData,
    string? Postgres, int Nodes, bool ReadyToRun)
{
    public static Options Parse(string[] args)
    {
        int Int(string name, int fallback, int min, int max)
        {
            var i = Array.IndexOf(args, name);
            if (i < 0 || i + 1 >= args.Length) return fallback;
            var v = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            return v < min || v > max ? throw new ArgumentOutOfRangeException(name, v, $"{name} must be {min}–{max}") : v;
        }
        var postgres = Array.IndexOf(args, "--postgres") is var p and >= 0 && p + 1 < args.Length ? args[p + 1] : null;
        return new Options(Int("--clients", 20, 1, 200), Int("--seconds", 20, 1, 300), Int("--warmup", 3, 0, 60), Int("--communes", 50, 1, 500),
            Int("--bulletins", 20, 3, 200), Int("--days", 14, 1, 14), Int("--airtime-days", 30, 0, 365), args.Contains("--no-build"), args.Contains("--keep-data"),
            postgres, postgres is null ? 1 : Int("--nodes", 2, 1, 3), args.Contains("--ready-to-run"));
    }
}
