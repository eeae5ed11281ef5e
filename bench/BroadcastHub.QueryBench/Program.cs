using System.Diagnostics;
using System.Globalization;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.QueryBench;
using Dapper;

// dotnet run -c Release --project bench/BroadcastHub.QueryBench [-- --rows N] [--work DIR] [--runs N] [--keep]
// Builds (or with --keep reuses) a database with N airtime records (default 1,000,000) in WORK (default a temp folder),
// then times the airtime queries; prints a Markdown table and writes it to WORK/airtime-queries.md.
// --postgres <conn> [--rows N, default 10,000,000] [--keep] [--verify]: the same on PostgreSQL, a national hub (2,000 communes in
// 10 provinces of 200) loaded with COPY into the database bh_querybench_N on that server (PostgresBench).
var rows = int.Parse(Option("--rows") ?? "1000000", CultureInfo.InvariantCulture);
var runs = int.Parse(Option("--runs") ?? "60", CultureInfo.InvariantCulture);
var work = Option("--work") ?? Path.Combine(Path.GetTempPath(), "broadcasthub-querybench");
var keep = args.Contains("--keep");
if (Option("--postgres") is { } postgres)
{
    var measured = PostgresBench.Run(postgres, long.Parse(Option("--rows") ?? "10000000", CultureInfo.InvariantCulture), runs, keep, args.Contains("--verify"));
    var lines = new List<string> { "| query | runs | p50 | p95 | max | returned (last run) |", "| --- | --- | --- | --- | --- | --- |" };
    lines.AddRange(measured.Select(m => m.Row));
    Console.WriteLine(string.Join(Environment.NewLine, lines));
    return 0;
}
Directory.CreateDirectory(work);
var path = Path.Combine(work, $"airtime-{rows}.db");
var db = new AppDatabase(path, cacheReads: false); // measure the queries themselves, not the read cache
var dataset = new AirtimeDataset(db, rows);

var build = Stopwatch.StartNew();
if (!(keep && File.Exists(path)))
{
    foreach (var f in Directory.GetFiles(work, Path.GetFileName(path) + "*")) File.Delete(f);
    dataset.Build();
    Console.WriteLine($"Built {rows:N0} airtime records in {build.Elapsed.TotalSeconds:0.0} s: {path}");
}
Migrator.Migrate(db);
using (var c = db.Open())
    Console.WriteLine($"airtime {c.ExecuteScalar<long>("SELECT count(*) FROM airtime"):N0}, occurrences {c.ExecuteScalar<long>("SELECT count(*) FROM occurrences"):N0}, " +
        $"rundown items {c.ExecuteScalar<long>("SELECT count(*) FROM rundown_items"):N0}, file {new FileInfo(path).Length / 1048576.0:0} MiB");

var airtime = new AirtimeRepository(db);
var summary = new AirtimeSummaryRepository(db);
var random = new Random(7);
var offset = TimeSpan.FromHours(7);
DateTimeOffset LocalMidnight(DateOnly d) => new(d.ToDateTime(TimeOnly.MinValue), offset);
DateOnly AnyDay() => dataset.FirstDay.AddDays(random.Next(dataset.Days));
DateOnly AnyMonth()
{
    var d = AnyDay();
    var m = new DateOnly(d.Year, d.Month, 1);
    return m >= dataset.FirstDay && m.AddMonths(1) <= AirtimeDataset.LastDay.AddDays(1) ? m : new DateOnly(2026, 10, 1);
}
long AnyCommune() => random.Next(1, dataset.Communes + 1);
long AnyCentre() => random.Next(2, AirtimeDataset.Centres + 2);

var results = new List<Measure>
{
    Measure.Of("Airtime query: one day, one commune", runs, 5, _ =>
    {
        var d = AnyDay();
        return airtime.Query(LocalMidnight(d), LocalMidnight(d.AddDays(1)), AnyCommune()).Count + " records";
    }),
    Measure.Of("Airtime query: one day, all communes", runs, 5, _ =>
    {
        var d = AnyDay();
        return airtime.Query(LocalMidnight(d), LocalMidnight(d.AddDays(1))).Count + " records";
    }),
    Measure.Of("Summary: one month, all communes", runs, 5, _ =>
    {
        var m = AnyMonth();
        var s = summary.Summarize(LocalMidnight(m), LocalMidnight(m.AddMonths(1)), null);
        return $"{s.Count} communes, {s.Sum(x => x.Planned):N0} planned";
    }),
    Measure.Of("Summary: one month, one centre's subtree", runs, 5, _ =>
    {
        var m = AnyMonth();
        var s = summary.Summarize(LocalMidnight(m), LocalMidnight(m.AddMonths(1)), AnyCentre());
        return $"{s.Count} communes, {s.Sum(x => x.Planned):N0} planned";
    }),
    Measure.Of("Summary: one year, all communes", Math.Max(5, runs / 6), 1, _ =>
    {
        var s = summary.Summarize(LocalMidnight(new DateOnly(2025, 11, 27)), LocalMidnight(new DateOnly(2026, 11, 27)), null);
        return $"{s.Count} communes, {s.Sum(x => x.Planned):N0} planned";
    }),
    Measure.Of("Export lines (streamed): one month, all communes", Math.Max(5, runs / 6), 1, _ =>
    {
        var m = AnyMonth();
        return summary.Lines(LocalMidnight(m), LocalMidnight(m.AddMonths(1)), null).Count() + " lines";
    }),
    Measure.Of("Verify: whole chain", 5, 1, _ =>
    {
        var r = airtime.Verify();
        return $"intact={r.Intact}, {r.Records:N0} records";
    }),
};

var table = new List<string>
{
    $"{rows:N0} airtime records: {dataset.Communes} communes under {AirtimeDataset.Centres} centres, 2 sessions a day × " +
    $"{AirtimeDataset.ItemsPerOccurrence} items, {dataset.Days} days ({dataset.FirstDay:yyyy-MM-dd} … {AirtimeDataset.LastDay:yyyy-MM-dd}). " +
    "Times in milliseconds, warm cache, one connection at a time, after warm-up runs; random day / commune / month / centre per run.",
    "",
    "| query | runs | p50 | p95 | max | returned (last run) |",
    "| --- | --- | --- | --- | --- | --- |",
};
table.AddRange(results.Select(r => r.Row));
var text = string.Join(Environment.NewLine, table);
Console.WriteLine();
Console.WriteLine(text);
File.WriteAllText(Path.Combine(work, "airtime-queries.md"), text + Environment.NewLine);
return 0;

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
