using System.Diagnostics;
using System.Globalization;
using BroadcastHub.AgentsBench;
using BroadcastHub.LoadBench;

// Station agents bench (issue 10), on the real hub (Release build, child process, SQLite, loopback only):
//   dotnet run -c Release --project bench/BroadcastHub.AgentsBench [-- --agents 1000 --seconds 60 --poll 30]
// 1. the hub serving N simulated agents: N push connections open the whole time, each agent polling manifest and
//    heartbeat every --poll seconds (spread evenly), plus a booking for one agent's station every --change-every seconds,
//    timed until that agent receives `changed`;
// 2. the agent's cold-cache sync (3 days × 3 sessions × 10 items, media already local), 5 runs, in-process;
// 3. a real agent process's resident memory over --agent-seconds (polling every 30 s, push connected).
// Other options: --no-build (skip `dotnet build -c Release` of the hub and the agent), --parallel 6 (seeding requests).
var o = BenchOptions.Parse(args);
var inv = CultureInfo.InvariantCulture;
var repo = FindRepo();
var webProject = Path.Combine(repo, "src", "BroadcastHub.Web");
var agentProject = Path.Combine(repo, "src", "BroadcastHub.Station");
var webDll = Path.Combine(webProject, "bin", "Release", "net10.0", "BroadcastHub.Web.dll");
var agentDll = Path.Combine(agentProject, "bin", "Release", "net10.0", "BroadcastHub.Station.dll");
var dataPath = Path.Combine(Path.GetTempPath(), "bh-agentsbench-" + Guid.NewGuid().ToString("N")[..8]);
const string AdminPassword = "Bench-Agents-2026!";
var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);

ChildApp? app = null;
using var watchdog = new Timer(_ =>
{
    Console.Error.WriteLine("watchdog: the bench ran past its time bound; stopping.");
    app?.Dispose();
    Environment.Exit(3);
}, null, TimeSpan.FromMinutes(20) + TimeSpan.FromSeconds(o.Seconds + o.AgentSeconds), Timeout.InfiniteTimeSpan);

try
{
    if (!o.NoBuild)
    {
        Console.WriteLine("Building the hub and the agent (Release)…");
        Run("dotnet", "build", webProject, "-c", "Release", "-nologo", "-v", "q", "-clp:ErrorsOnly;NoSummary");
        Run("dotnet", "build", agentProject, "-c", "Release", "-nologo", "-v", "q", "-clp:ErrorsOnly;NoSummary");
    }
    Directory.CreateDirectory(dataPath);
    app = await ChildApp.StartAsync(webDll, Path.Combine(webProject, "wwwroot"), dataPath, AdminPassword, TimeSpan.FromSeconds(90));
    Console.WriteLine($"Hub started on {app.BaseAddress}; data {dataPath}");
    using var api = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
    api.DefaultRequestHeaders.Authorization = new("Bearer", await AgentSeeder.TokenAsync(api, "admin", AdminPassword));
    var seeder = new AgentSeeder(api, Console.Out);

    // Seeding through the API.
    var seedClock = Stopwatch.StartNew();
    var bulletins = await seeder.BulletinsAsync(12);
    var measured = await seeder.StationAsync(-1, ["05:30:00", "11:00:00", "17:00:00"], bulletins.Take(10).ToList(), today, today.AddDays(3));
    var stations = new SeededStation[o.Agents];
    using (var gate = new SemaphoreSlim(o.Parallel))
        await Task.WhenAll(Enumerable.Range(0, o.Agents).Select(async i =>
        {
            await gate.WaitAsync();
            try { stations[i] = await seeder.StationAsync(i, ["17:00:00"], [bulletins[i % 10], bulletins[(i + 3) % 10], bulletins[(i + 6) % 10]], today, today.AddDays(3)); }
            finally { gate.Release(); }
        }));
    Console.WriteLine($"  {o.Agents} stations enrolled, each with a commune, a 17:00 session booked 4 days (3 items); seeded in {seedClock.Elapsed.TotalSeconds:0} s");

    // 1. The hub under N agents.
    using var pollHttp = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromSeconds(60) };
    var agents = stations.Select(s => new SimulatedAgent(s, app.BaseAddress, pollHttp, 3)).ToList();
    var connects = new Stats("push connect");
    var connectClock = Stopwatch.StartNew();
    using (var gate = new SemaphoreSlim(50))
        await Task.WhenAll(agents.Select(async a =>
        {
            await gate.WaitAsync();
            try { await a.ConnectAsync(connects); }
            finally { gate.Release(); }
        }));
    Console.WriteLine($"  {agents.Count(a => a.Connected)} of {agents.Count} push connections open in {connectClock.Elapsed.TotalSeconds:0.0} s");
    foreach (var a in agents) await a.PollAsync(new Stats("warm-up"), new Stats("warm-up"));   // every agent knows its version

    var manifests = new Stats("GET /api/station/manifest");
    var heartbeats = new Stats("POST /api/station/heartbeat");
    var pushes = new Stats("booking → changed received");
    var cpuBefore = app.CpuTime;
    var run = Stopwatch.StartNew();
    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(o.Seconds));
    var pollers = agents.Select((a, i) => Task.Run(async () =>
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(o.Poll * i / (double)agents.Count), stop.Token);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(o.Poll));
            do { await a.PollAsync(manifests, heartbeats); } while (await timer.WaitForNextTickAsync(stop.Token));
        }
        catch (OperationCanceledException) { }
    })).ToList();
    var changes = Task.Run(async () =>
    {
        for (var k = 0; !stop.IsCancellationRequested; k++)
        {
            try { await Task.Delay(TimeSpan.FromSeconds(o.ChangeEvery), stop.Token); }
            catch (OperationCanceledException) { return; }
            var target = agents[(k * 97) % agents.Count];
            var changed = target.NextChange();
            var watch = Stopwatch.StartNew();
            await seeder.BookAsync(target.Station.SessionId, bulletins[10 + k % 2], today.AddDays(1 + k % 2));
            if (await Task.WhenAny(changed, Task.Delay(TimeSpan.FromSeconds(30))) == changed) pushes.Add(watch.Elapsed.TotalMilliseconds);
            else pushes.Fail("no changed within 30 s");
        }
    });
    await Task.WhenAll(pollers.Append(changes));
    var cpu = app.CpuTime - cpuBefore;
    var wall = run.Elapsed;
    var still = agents.Count(a => a.Connected);
    var hubRss = app.WorkingSetBytes;
    Console.WriteLine();
    Console.WriteLine($"Hub serving {agents.Count} agents for {wall.TotalSeconds:0} s (poll every {o.Poll} s; a booking every {o.ChangeEvery} s):");
    Console.WriteLine(connects.Line());
    Console.WriteLine(manifests.Line());
    Console.WriteLine(heartbeats.Line());
    Console.WriteLine(pushes.Line());
    Console.WriteLine(string.Create(inv, $"  push connections still open at the end: {still}/{agents.Count}; hub CPU {cpu.TotalSeconds / wall.TotalSeconds * 100:0}% of one core; hub RSS {hubRss / 1048576.0:0} MB"));
    foreach (var a in agents) await a.DisposeAsync();

    // 2. Cold-cache sync, media already local.
    var (sync, occurrences, items) = await AgentFootprint.ColdSyncAsync(app.BaseAddress, measured.Token, Path.Combine(dataPath, "media"), 5);
    Console.WriteLine();
    Console.WriteLine(string.Create(inv, $"Agent cold-cache sync ({occurrences} occurrences, {items} items, media already local), 5 runs: median {sync.Order().ElementAt(2):0} ms, max {sync.Max():0} ms (goal < 1000 ms)"));

    // 3. A real agent's steady state.
    var (peak, last, health) = await AgentFootprint.SteadyStateAsync(agentDll, app.BaseAddress, measured.Token, o.AgentSeconds, 30);
    Console.WriteLine(string.Create(inv, $"Agent steady state over {o.AgentSeconds} s (push connected, polling every 30 s): RSS last {last / 1048576.0:0} MB, peak {peak / 1048576.0:0} MB (goal < 150 MB)"));
    Console.WriteLine($"  agent /health at the end: {health}");
    return 0;
}
finally
{
    app?.Dispose();
    try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
}

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "BroadcastHub.sln"))) return dir.FullName;
    throw new DirectoryNotFoundException("BroadcastHub.sln not found above " + AppContext.BaseDirectory);
}

static void Run(string file, params string[] arguments)
{
    var info = new ProcessStartInfo(file) { UseShellExecute = false };
    foreach (var a in arguments) info.ArgumentList.Add(a);
    using var p = Process.Start(info)!;
    p.WaitForExit();
    if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({p.ExitCode})");
}

/// <summary>Command-line options.</summary>
internal sealed record BenchOptions(int Agents, int Seconds, int Poll, int ChangeEvery, int AgentSeconds, int Parallel, bool NoBuild)
{
    public static BenchOptions Parse(string[] args)
    {
        int Int(string name, int fallback, int min, int max)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? Math.Clamp(v, min, max) : fallback;
        }
        return new BenchOptions(Int("--agents", 1000, 1, 5000), Int("--seconds", 60, 10, 3600), Int("--poll", 30, 1, 3600),
            Int("--change-every", 5, 1, 600), Int("--agent-seconds", 60, 10, 3600), Int("--parallel", 6, 1, 32), args.Contains("--no-build"));
    }
}
