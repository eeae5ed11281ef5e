using System.Diagnostics;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.PlanningBench;
using BroadcastHub.Web.Features.Scheduling;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Settings;
using BroadcastHub.Web.Services;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// Planning benchmark (issue: 1,000 communes × 3 sessions × 14 days, then a replan after one edit; issue 11: 10,000 on PostgreSQL).
// Usage: dotnet run -c Release --project bench/BroadcastHub.PlanningBench [-- communes] [--hangfire-sqlite] [--postgres <conn>] [--agents]
// The arm jobs go to Hangfire's in-memory storage unless --hangfire-sqlite asks for the SQLite storage the app uses.
// --postgres <conn> (an Npgsql connection string to a server where it may create a database) puts the app tables and
// Hangfire (Hangfire.PostgreSql, schema "hangfire") in a fresh database there, as a hub node on PostgreSQL does.
// --agents puts every commune's zone on its own station with an enrolled agent: the hub then creates no arm jobs.
// The first plan is measured in two steps, as the recurring job runs them: planning and writing the horizon, then arming
// the 24 h window (SchedulePlanner.ArmDue).
var postgresAt = Array.IndexOf(args, "--postgres");
var postgres = postgresAt >= 0 ? args[postgresAt + 1] : null;
var communes = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (postgresAt < 0 || i != postgresAt + 1))
    .FirstOrDefault() is { } n ? int.Parse(n) : 1000;
var sqliteHangfire = args.Contains("--hangfire-sqlite");
var agents = args.Contains("--agents");
using var store = new BenchStore(postgres);
var data = store.DataPath;
var services = new ServiceCollection();
services.AddLogging(b => b.AddSimpleConsole().AddFilter(typeof(SchedulePlanner).FullName, LogLevel.Debug));
services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(store.Settings).Build());
services.Configure<BroadcastHubOptions>(o => o.DataPath = data);
services.Configure<SchedulingOptions>(o => { o.HorizonDays = 14; o.ArmWindowHours = 24; });
services.AddBroadcastHubCore();
services.AddHangfire(c =>
{
    // As the app (HangfireSetup): the serializer settings decide what each job costs to write.
    c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
    if (store.PostgresConnectionString is { } cs)
        c.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(cs), new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
    else if (sqliteHangfire) c.UseSQLiteStorage(Path.Combine(data, "hangfire.db"));
    else c.UseInMemoryStorage();
});
Console.WriteLine($"app database: {(postgres is null ? "SQLite" : "PostgreSQL")}; Hangfire storage for the arm jobs: " +
                  (postgres is not null ? "PostgreSQL (as the app)" : sqliteHangfire ? "SQLite (as the app)" : "in-memory") +
                  (agents ? "; every commune on its own station with an enrolled agent" : "; every commune played by the hub"));
using var provider = services.BuildServiceProvider();
var db = provider.GetRequiredService<AppDatabase>();
Migrator.Migrate(db);
var serverCpu = store.PostgresConnectionString is { } local ? ServerCpu.Find(local) : null;
var functions = store.PostgresConnectionString is { } fcs ? new ServerFunctions(fcs) : null;
var statements = store.PostgresConnectionString is { } scs ? ServerStatements.TryCreate(postgres!, new Npgsql.NpgsqlConnectionStringBuilder(scs).Database!) : null;
Console.WriteLine($"load average at start: {LoadAverage()}");

var seed = Stopwatch.StartNew();
var (allSessions, ids, today) = Seed.Province(provider, communes, agents);
Console.WriteLine($"seeded {communes} communes, {allSessions.Count} sessions and bookings in {seed.Elapsed.TotalSeconds:0.0} s");
functions?.Since();
statements?.Since();

var scheduling = provider.GetRequiredService<IOptions<SchedulingOptions>>().Value;
scheduling.ArmWindowHours = 0;
Measure("first plan, planning and writing (nothing armed)", () => Plan(provider));
scheduling.ArmWindowHours = 24;
Measure("first plan, arming the 24 h window", () =>
{
    using var scope = provider.CreateScope();
    var occurrences = scope.ServiceProvider.GetRequiredService<OccurrenceRepository>();
    return scope.ServiceProvider.GetRequiredService<OccurrenceArmer>().EnsureArmed(occurrences.ListArmable(provider.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(24)));
});
Measure("replan, nothing changed", () => Plan(provider));
var edited = allSessions[allSessions.Count / 2];
provider.GetRequiredService<BookingRepository>().Create(edited.Id, [ids[5]], today.AddDays(2), today.AddDays(9), "bench");
Measure("replan after one edit (that session)", () =>
{
    using var scope = provider.CreateScope();
    return scope.ServiceProvider.GetRequiredService<SchedulePlanner>().PlanSession(edited.Id, today, today.AddDays(14)).Count;
});
Measure("replan after one edit (whole horizon)", () => Plan(provider));
Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB; load average at the end: {LoadAverage()}");
using (var c = db.Open())
    Console.WriteLine($"occurrences {Dapper.SqlMapper.ExecuteScalar<long>(c, "SELECT COUNT(*) FROM occurrences")}, " +
                      $"rundown items {Dapper.SqlMapper.ExecuteScalar<long>(c, "SELECT COUNT(*) FROM rundown_items")}, " +
                      $"with an arm job {Dapper.SqlMapper.ExecuteScalar<long>(c, "SELECT COUNT(*) FROM occurrences WHERE arm_job_id IS NOT NULL")}");

static int Plan(IServiceProvider provider)
{
    using var scope = provider.CreateScope();
    return scope.ServiceProvider.GetRequiredService<SchedulePlanner>().PlanHorizon();
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

void Measure(string what, Func<int> work)
{
    var server = serverCpu?.Seconds();
    GC.Collect();
    var before = GC.GetTotalAllocatedBytes(precise: true);
    var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var count = work();
    watch.Stop();
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1048576.0;
    var gcs = string.Join('/', Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collections[g]));
    // On a shared machine the wall time includes waiting for a core; the CPU time of this process (not the server's) does not.
    var serverText = server is { } s0 ? $", PostgreSQL CPU {(serverCpu!.Seconds() - s0) * 1000:0} ms" : "";
    Console.WriteLine($"{what}: {count} occurrences in {watch.Elapsed.TotalMilliseconds:0} ms (bench process CPU {cpu.TotalMilliseconds:0} ms{serverText}), {allocated:0} MiB allocated (collections gen0/1/2 {gcs}), " +
                      $"working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:0} MiB, load average {LoadAverage()}");
    if (functions?.Since() is { Count: > 0 } called)
        Console.WriteLine("  trigger functions: " + string.Join(", ", called.Select(f => $"{f.Name} {f.Ms:0} ms ({f.Calls} calls)")));
    foreach (var (text, calls, ms) in statements?.Since() ?? [])
        Console.WriteLine($"  statement {ms,8:0} ms {calls,8} calls  {text}");
}
