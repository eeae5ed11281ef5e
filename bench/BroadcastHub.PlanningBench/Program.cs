using System.Diagnostics;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
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

// Planning benchmark (issue: 1,000 communes × 3 sessions × 14 days, then a replan after one edit; issue 11: 10,000 on PostgreSQL).
// Usage: dotnet run -c Release --project bench/BroadcastHub.PlanningBench [-- communes] [--hangfire-sqlite] [--postgres <conn>]
// The arm jobs go to Hangfire's in-memory storage unless --hangfire-sqlite asks for the SQLite storage the app uses.
// --postgres <conn> (an Npgsql connection string to a server where it may create a database) puts the app tables and
// Hangfire (Hangfire.PostgreSql, schema "hangfire") in a fresh database there, as a hub node on PostgreSQL does.
var postgresAt = Array.IndexOf(args, "--postgres");
var postgres = postgresAt >= 0 ? args[postgresAt + 1] : null;
var communes = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (postgresAt < 0 || i != postgresAt + 1))
    .FirstOrDefault() is { } n ? int.Parse(n) : 1000;
var sqliteHangfire = args.Contains("--hangfire-sqlite");
using var store = new BenchStore(postgres);
var data = store.DataPath;
var services = new ServiceCollection();
services.AddLogging(b => Microsoft.Extensions.Logging.ConsoleLoggerExtensions.AddSimpleConsole(b));
services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(store.Settings).Build());
services.Configure<BroadcastHubOptions>(o => o.DataPath = data);
services.Configure<SchedulingOptions>(o => { o.HorizonDays = 14; o.ArmWindowHours = 24; });
services.AddBroadcastHubCore();
services.AddHangfire(c =>
{
    if (store.PostgresConnectionString is { } cs)
        c.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(cs), new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
    else if (sqliteHangfire) c.UseSQLiteStorage(Path.Combine(data, "hangfire.db"));
    else c.UseInMemoryStorage();
});
Console.WriteLine($"app database: {(postgres is null ? "SQLite" : "PostgreSQL")}; Hangfire storage for the arm jobs: " +
                  (postgres is not null ? "PostgreSQL (as the app)" : sqliteHangfire ? "SQLite (as the app)" : "in-memory"));
using var provider = services.BuildServiceProvider();
var db = provider.GetRequiredService<AppDatabase>();
Migrator.Migrate(db);
var serverCpu = store.PostgresConnectionString is { } local ? ServerCpu.Find(local) : null;

var seed = Stopwatch.StartNew();
var places = provider.GetRequiredService<PlacesRepository>();
var sessions = provider.GetRequiredService<SessionRepository>();
var bookings = provider.GetRequiredService<BookingRepository>();
var bulletins = provider.GetRequiredService<BulletinRepository>();
var time = provider.GetRequiredService<TimeProvider>();
var ids = Enumerable.Range(0, 6).Select(i => bulletins.Insert(new Bulletin
{
    Title = $"Bản tin {i}", OriginalFileName = "b.mp3", Sha256 = new string((char)('a' + i), 64), Codec = "mp3",
    Frames = 22050L * (120 + 30 * i), SampleRate = 22050, Channels = 1, Status = BulletinStatus.Approved, UploadedAt = time.GetUtcNow(),
}).Id).ToList();
var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(7));
var allSessions = new List<SessionSlot>();
for (var c = 0; c < communes; c++)
{
    var commune = places.CreateCommune($"Xã {c}", null);
    foreach (var start in new[] { new TimeOnly(5, 30), new TimeOnly(11, 0), new TimeOnly(17, 0) })
    {
        var session = sessions.Create(commune.Id, IsoWeekdays.Every, start, 30);
        allSessions.Add(session);
        bookings.Create(session.Id, [ids[c % 6], ids[(c + 1) % 6]], today, today.AddDays(13), "bench");
    }
}
Console.WriteLine($"seeded {communes} communes, {allSessions.Count} sessions and bookings in {seed.Elapsed.TotalSeconds:0.0} s");

Measure("first plan of the horizon", () => Plan(provider));
Measure("replan, nothing changed", () => Plan(provider));
var edited = allSessions[allSessions.Count / 2];
bookings.Create(edited.Id, [ids[5]], today.AddDays(2), today.AddDays(9), "bench");
Measure("replan after one edit (that session)", () =>
{
    using var scope = provider.CreateScope();
    return scope.ServiceProvider.GetRequiredService<SchedulePlanner>().PlanSession(edited.Id, today, today.AddDays(14)).Count;
});
Measure("replan after one edit (whole horizon)", () => Plan(provider));
Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB");
using (var c = db.Open())
    Console.WriteLine($"occurrences {Dapper.SqlMapper.ExecuteScalar<long>(c, "SELECT COUNT(*) FROM occurrences")}, " +
                      $"rundown items {Dapper.SqlMapper.ExecuteScalar<long>(c, "SELECT COUNT(*) FROM rundown_items")}");

static int Plan(IServiceProvider provider)
{
    using var scope = provider.CreateScope();
    return scope.ServiceProvider.GetRequiredService<SchedulePlanner>().PlanHorizon();
}

void Measure(string what, Func<int> work)
{
    var server = serverCpu?.Seconds();
    GC.Collect();
    var before = GC.GetTotalAllocatedBytes(precise: true);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var count = work();
    watch.Stop();
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1048576.0;
    // On a shared machine the wall time includes waiting for a core; the CPU time of this process (not the server's) does not.
    var serverText = server is { } s0 ? $", PostgreSQL CPU {(serverCpu!.Seconds() - s0) * 1000:0} ms" : "";
    Console.WriteLine($"{what}: {count} occurrences in {watch.Elapsed.TotalMilliseconds:0} ms (bench process CPU {cpu.TotalMilliseconds:0} ms{serverText}), {allocated:0} MiB allocated, " +
                      $"working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:0} MiB");
}
