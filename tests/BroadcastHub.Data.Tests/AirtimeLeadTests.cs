using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using Dapper;

namespace BroadcastHub.Data.Tests;

/// <summary>
/// The airtime lead (migration 0032) follows every insert, and the queries that bound a commune's occurrences with it
/// (PostgreSQL) return exactly what the portable form returns: also a record scheduled days away from its occurrence.
/// </summary>
public abstract class AirtimeLeadTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 0, 0, 0, TimeSpan.FromHours(7));
    private readonly TempDatabase _db;
    private readonly AirtimeSeed _seed;

    protected AirtimeLeadTests(DatabaseProvider provider)
    {
        _db = new TempDatabase(provider);
        _seed = new AirtimeSeed(_db);
    }

    public void Dispose() => _db.Dispose();

    private (double? Min, double? Max) Lead()
    {
        using var c = _db.Database.Open();
        return c.QuerySingle<(double?, double?)>("SELECT min_seconds, max_seconds FROM airtime_lead");
    }

    private bool Append(Occurrence occ, int position, DateTimeOffset scheduled) => _seed.Airtime.TryAppend(new AirtimeRecord
    {
        OccurrenceId = occ.Id, Position = position, BulletinId = _seed.BulletinId, ScheduledStart = scheduled,
        PlayedSeconds = 0, Outcome = AirtimeOutcome.Missed, RecordedAt = _db.Time.GetUtcNow(),
    });

    [DbFact]
    public void The_lead_spans_every_record_and_the_commune_queries_find_records_far_from_their_occurrence()
    {
        Assert.Equal((null, null), Lead());
        var a = _seed.Commune("Xã A");
        var b = _seed.Commune("Xã B");
        var early = _seed.Occurrence(a.Id, Day.AddDays(-3).AddHours(5.5), 3);   // three days before the day asked for
        var onDay = _seed.Occurrence(a.Id, Day.AddHours(5.5), 2);
        var other = _seed.Occurrence(b.Id, Day.AddHours(5.5), 1);

        Assert.True(Append(onDay, 0, onDay.StartUtc.AddMinutes(1)));
        Assert.True(Append(onDay, 1, onDay.StartUtc.AddSeconds(-30)));          // scheduled before its occurrence
        Assert.True(Append(other, 0, other.StartUtc));
        var (min, max) = Lead();
        Assert.InRange(min!.Value, -30.5, -29.5);
        Assert.InRange(max!.Value, 59.5, 60.5);

        Assert.True(Append(early, 0, Day.AddHours(9)));                          // a record of day −3 scheduled on the day
        Assert.InRange(Lead().Max!.Value, 3 * 86400 + 3.5 * 3600 - 0.5, 3 * 86400 + 3.5 * 3600 + 0.5);

        var day = _seed.Airtime.Query(Day, Day.AddDays(1), a.Id);
        Assert.Equal([(onDay.Id, 1), (onDay.Id, 0), (early.Id, 0)], day.Select(r => (r.OccurrenceId, r.Position)));
        Assert.Equal(day.Select(r => r.Id), Portable(Day, Day.AddDays(1), a.Id));

        var pages = new AirtimeLogPages(_db.Database);
        Assert.Equal(3, pages.Count(Day, Day.AddDays(1), [a.Id]));
        Assert.Equal(day.Select(r => r.Id), pages.Page(Day, Day.AddDays(1), [a.Id], 0, 10).Select(r => r.Id));
        Assert.Equal(day.Select(r => r.Id), pages.All(Day, Day.AddDays(1), [a.Id]).Select(r => r.Id));
        Assert.Equal(4, pages.Count(Day, Day.AddDays(1), null));
        Assert.Equal(day.Select(r => r.Id), new AirtimeSummaryRepository(_db.Database).Lines(Day, Day.AddDays(1), null)
            .Where(l => l.Record.CommuneId == a.Id).Select(l => l.Record.Id));
        Assert.Empty(_seed.Airtime.Query(Day.AddDays(-3), Day.AddDays(-2), a.Id));
    }

    private List<long> Portable(DateTimeOffset from, DateTimeOffset to, long communeId)
    {
        using var c = _db.Database.Open();
        return c.Query<long>(
            """
            SELECT a.id FROM airtime a JOIN occurrences o ON o.id = a.occurrence_id JOIN zones z ON z.id = o.zone_id
            WHERE a.scheduled_start >= @from AND a.scheduled_start < @to AND z.commune_id = @communeId
            ORDER BY a.scheduled_start, a.occurrence_id, a.position
            """, new { from = SqlValues.Instant(from), to = SqlValues.Instant(to), communeId }).ToList();
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : AirtimeLeadTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : AirtimeLeadTests(DatabaseProvider.Postgres);
}
