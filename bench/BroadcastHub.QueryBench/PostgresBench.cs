using System.Diagnostics;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using Dapper;
using Npgsql;

namespace BroadcastHub.QueryBench;

/// <summary>
/// The airtime queries on PostgreSQL (issue 11): a national hub's log of <c>rows</c> records in the database
/// <c>bh_querybench_ROWS</c> on the server of <c>connectionString</c> (created, or reused with <c>--keep</c>), measured
/// through the same repositories the API runs, with the read cache off.
/// </summary>
public static class PostgresBench
{
    public static IReadOnlyList<Measure> Run(string connectionString, long rows, int runs, bool keep, bool verify)
    {
        var name = $"bh_querybench_{rows}";
        var target = new NpgsqlConnectionStringBuilder(connectionString) { Database = name, CommandTimeout = 0 }.ConnectionString;
        var db = AppDatabase.Postgres(target, cacheReads: false);
        var dataset = new PostgresAirtimeDataset(db, target, rows);
        using (var admin = new NpgsqlConnection(connectionString))
        {
            admin.Open();
            var exists = admin.ExecuteScalar<long>("SELECT count(*) FROM pg_database WHERE datname = @name", new { name }) > 0;
            if (!(keep && exists))
            {
                admin.Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                admin.Execute($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'");
                var build = Stopwatch.StartNew();
                dataset.Build();
                Console.WriteLine($"Built {rows:N0} airtime records on PostgreSQL in {build.Elapsed.TotalSeconds:0.0} s: database {name}");
            }
        }
        var migrating = Stopwatch.StartNew();
        var migrated = Migrator.Migrate(db);   // a database kept from an older build gets the migrations added since
        if (migrated.Count > 0)
            Console.WriteLine($"Applied to the kept database: {string.Join(", ", migrated)} in {migrating.Elapsed.TotalSeconds:0.0} s");
        using (var c = db.Open())
            Console.WriteLine($"airtime {c.ExecuteScalar<long>("SELECT count(*) FROM airtime"):N0}, occurrences {c.ExecuteScalar<long>("SELECT count(*) FROM occurrences"):N0}, " +
                $"database {c.ExecuteScalar<long>("SELECT pg_database_size(current_database())") / 1048576.0:0} MiB");

        var airtime = new AirtimeRepository(db);
        var summary = new AirtimeSummaryRepository(db);
        var random = new Random(7);
        var offset = TimeSpan.FromHours(7);
        DateTimeOffset Midnight(DateOnly d) => new(d.ToDateTime(TimeOnly.MinValue), offset);
        DateOnly AnyDay() => dataset.FirstDay.AddDays(random.Next(dataset.Days));
        DateOnly AnyMonth()
        {
            var d = AnyDay();
            var m = new DateOnly(d.Year, d.Month, 1);
            return m >= dataset.FirstDay && m.AddMonths(1) <= AirtimeDataset.LastDay.AddDays(1) ? m : new DateOnly(2026, 10, 1);
        }
        long AnyProvince() => PostgresAirtimeDataset.ProvinceId(random.Next(PostgresAirtimeDataset.Provinces));
        long AnyCentre() => PostgresAirtimeDataset.CentreId(random.Next(PostgresAirtimeDataset.Provinces), random.Next(PostgresAirtimeDataset.CentresPerProvince));
        string Scope(DateOnly from, DateOnly to, long unit)
        {
            var s = summary.Summarize(Midnight(from), Midnight(to), unit);
            return $"{s.Count} communes, {s.Sum(x => x.Planned):N0} planned";
        }

        List<Measure> measures =
        [
            Measure.Of("Airtime query: one day, one commune", runs, 5, _ =>
            {
                var d = AnyDay();
                return airtime.Query(Midnight(d), Midnight(d.AddDays(1)), random.Next(1, dataset.Communes + 1)).Count + " records";
            }),
            Measure.Of("Summary: one month, one province (200 communes)", runs, 5, _ => { var m = AnyMonth(); return Scope(m, m.AddMonths(1), AnyProvince()); }),
            Measure.Of("Summary: one month, one centre (20 communes)", runs, 5, _ => { var m = AnyMonth(); return Scope(m, m.AddMonths(1), AnyCentre()); }),
            Measure.Of("Summary: one year, one province", Math.Max(5, runs / 6), 1, _ =>
                Scope(AirtimeDataset.LastDay.AddDays(-364), AirtimeDataset.LastDay.AddDays(1), AnyProvince())),
            Measure.Of("Export lines (streamed): one month, one province", Math.Max(5, runs / 6), 1, _ =>
            {
                var m = AnyMonth();
                return summary.Lines(Midnight(m), Midnight(m.AddMonths(1)), AnyProvince()).Count() + " lines";
            }),
        ];
        if (verify)
            measures.Add(Measure.Of("Verify: whole chain", 1, 0, _ =>
            {
                var r = airtime.Verify();
                return $"intact={r.Intact}, {r.Records:N0} records";
            }));
        return measures;
    }
}
