using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using Dapper;

namespace BroadcastHub.Data.Tests;

/// <summary>
/// Migration 0034: the occurrence tally kept by triggers gives the summary exactly what counting the rows gives
/// (<see cref="AirtimeSummaryOracle"/>), through every kind of write: plans and replans that add, remove and move
/// items, cancelling and un-cancelling, every outcome, relays, an agent's late-reported records, emergencies.
/// </summary>
public abstract class OccurrenceTallyTests : IDisposable
{
    private readonly TempDatabase _db;
    private readonly AirtimeSeed _seed;
    private readonly AirtimeSummaryRepository _summary;
    private readonly DateTimeOffset _day = new(2026, 11, 26, 17, 0, 0, TimeSpan.Zero);   // 00:00 local on 27 Nov

    protected OccurrenceTallyTests(DatabaseProvider provider)
    {
        _db = new TempDatabase(provider);
        _seed = new AirtimeSeed(_db);
        _summary = new AirtimeSummaryRepository(_db.ConnectionString is { } cs
            ? AppDatabase.Postgres(cs, cacheReads: false) : new AppDatabase(_db.Database.Path, cacheReads: false));
    }

    public void Dispose() => _db.Dispose();

    private sealed class TallyRow
    {
        public long Id { get; set; }
        public long ZoneId { get; set; }
        public string StartUtc { get; set; } = "";
        public long Cancelled { get; set; }
        public long Items { get; set; }
        public long Aired { get; set; }
        public long Missed { get; set; }
        public double Seconds { get; set; }
        public override string ToString() => $"{Id} {ZoneId} {StartUtc} {Cancelled} {Items} {Aired} {Missed} {Seconds:R}";
    }

    [DbFact]
    public void The_tally_based_summary_equals_counting_the_rows_through_replans_cancelling_relays_and_agent_records()
    {
        var province = _seed.Places.CreateUnit("Tỉnh", null);
        var centre = _seed.Places.CreateUnit("Trung tâm", province.Id);
        var a = _seed.Commune("Xã A", centre.Id);
        var b = _seed.Commune("Xã B", province.Id);
        _seed.Commune("Xã C (chưa có lịch)", centre.Id);
        var outside = _seed.Commune("Xã D", null);
        var occurrences = new OccurrenceRepository(_db.Database);
        var relay = new RelaySourceRepository(_db.Database, _db.Time).Add("VOV1", "http://vov.example/vov1.mp3")!;

        var morning = _seed.Occurrence(a.Id, _day.AddHours(5.5), 8);
        var outcomes = Enum.GetValues<AirtimeOutcome>();
        for (var p = 0; p < outcomes.Length && p < 8; p++) Assert.True(_seed.Record(morning, p, outcomes[p], 10 * p + 0.25));
        var evening = _seed.Occurrence(a.Id, _day.AddHours(17), 3);
        var relayed = Plan(b.Id, _day.AddHours(6), [Bulletin(0), Relay(relay.Id, 60), Bulletin(120)]);
        Assert.True(_seed.Airtime.TryAppend(new AirtimeRecord
        {
            OccurrenceId = relayed.Id, Position = 1, ScheduledStart = relayed.StartUtc.AddMinutes(1), PlayedSeconds = 58.5,
            Outcome = AirtimeOutcome.Truncated, RecordedAt = _db.Time.GetUtcNow(), RelaySourceId = relay.Id,
        }));
        // An agent reports a record scheduled days after its occurrence's start: it still counts for its occurrence.
        Assert.True(_seed.Airtime.TryAppend(new AirtimeRecord
        {
            OccurrenceId = evening.Id, Position = 2, BulletinId = _seed.BulletinId, ScheduledStart = evening.StartUtc.AddDays(3),
            ActualStart = evening.StartUtc.AddDays(3), ActualEnd = evening.StartUtc.AddDays(3).AddSeconds(42), PlayedSeconds = 42,
            Outcome = AirtimeOutcome.Completed, RecordedAt = _db.Time.GetUtcNow(),
        }));
        Record(_seed.Occurrence(outside.Id, _day.AddHours(5.5), 2), AirtimeOutcome.Completed, AirtimeOutcome.Skipped);
        occurrences.CreateEmergency(b.ZoneId, _seed.BulletinId, new DateOnly(2026, 11, 27), _day.AddHours(9), _day.AddHours(9.1));
        var tomorrow = _seed.Occurrence(a.Id, _day.AddDays(1).AddHours(5.5), 4);
        AssertSameAsOracle(province.Id, centre.Id);

        // Replans: more items, fewer items, and a new start that moves the occurrence to the next day.
        Assert.Equal(relayed.Id, Replan(relayed, relayed.StartUtc, [Bulletin(0), Relay(relay.Id, null), Bulletin(120), Bulletin(180), Bulletin(240)]).Id);
        Replan(tomorrow, tomorrow.StartUtc, [Bulletin(0)]);
        AssertSameAsOracle(province.Id, centre.Id);
        var moved = Replan(evening, _day.AddDays(1).AddHours(1), [Bulletin(0), Bulletin(60)]);
        Assert.Equal(_day.AddDays(1).AddHours(1), moved.StartUtc);
        AssertSameAsOracle(province.Id, centre.Id);

        // Cancelled: its items no longer planned, its records still counted; and back.
        Assert.True(occurrences.TryTransition(morning.Id, OccurrenceState.Cancelled, _day));
        new OccurrencePlanWriter(_db.Database).CancelUnplanned([relayed.SessionId!.Value], new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 10),
            new HashSet<long>(), _day.AddDays(-1));
        Assert.Equal(OccurrenceState.Cancelled, occurrences.Find(relayed.Id)!.State);
        AssertSameAsOracle(province.Id, centre.Id);
        Assert.Equal(0, _summary.Summarize(_day, _day.AddDays(1), centre.Id)[0].Planned);
        using (var c = _db.Database.Open())
            c.Execute("UPDATE occurrences SET state = 'Planned' WHERE id = @id", new { id = morning.Id });
        AssertSameAsOracle(province.Id, centre.Id);
        Assert.Equal(8, _summary.Summarize(_day, _day.AddDays(1), centre.Id)[0].Planned);

        // Later records of a planned occurrence, and a row moved between occurrences.
        Record(tomorrow, AirtimeOutcome.Late);
        using (var c = _db.Database.Open())
            c.Execute("UPDATE rundown_items SET occurrence_id = @to, position = 100 WHERE occurrence_id = @from AND position = 0",
                new { from = moved.Id, to = tomorrow.Id });
        AssertSameAsOracle(province.Id, centre.Id);
    }

    [DbFact]
    public void The_migration_back_fills_the_tally_of_rows_written_before_it()
    {
        var commune = _seed.Commune("Xã Cũ");
        var occ = _seed.Occurrence(commune.Id, _day.AddHours(5.5), 3);
        Record(occ, AirtimeOutcome.Completed, AirtimeOutcome.Late, AirtimeOutcome.Missed);
        using (var c = _db.Database.Open())
        {
            if (_db.Provider == DatabaseProvider.Postgres)
                c.Execute("TRUNCATE occurrence_tally; SELECT bh_rebuild_occurrence_tally();");   // the migration's back-fill
            else
                c.Execute(_db.DropTriggers("occurrences", "occurrence_tally_occurrence_added", "occurrence_tally_occurrence_moved", "occurrence_tally_occurrence_removed")
                    + _db.DropTriggers("rundown_items", "occurrence_tally_item_added", "occurrence_tally_item_removed", "occurrence_tally_item_moved")
                    + _db.DropTriggers("airtime", "occurrence_tally_airtime_added")
                    + "DROP TABLE occurrence_tally; DELETE FROM schema_migrations WHERE name = '0034_occurrence_tally.sql';");
        }
        Assert.Equal(_db.Provider == DatabaseProvider.Postgres ? [] : ["0034_occurrence_tally.sql"], Migrator.Migrate(_db.Database));

        AssertSameAsOracle(null, null);
        Assert.Equal(3, _summary.Summarize(_day, _day.AddDays(1), null)[0].Planned);
    }

    [DbFact]
    public void A_bulk_plan_and_replan_written_with_the_tally_paused_leave_it_exact()
    {
        var sessions = new SessionRepository(_db.Database, _db.Time);
        var ids = Enumerable.Range(0, 6).Select(i => sessions.Create(_seed.Commune($"Xã {i}").Id, IsoWeekdays.Every, new TimeOnly(5, 30), 30).Id).ToList();
        var first = new DateOnly(2026, 12, 1);
        List<PlannedOccurrence> Plans(Func<int, int, int> items) => ids.SelectMany((session, s) => Enumerable.Range(0, 300).Select(d =>
        {
            var start = new DateTimeOffset(first.AddDays(d), new TimeOnly(5, 30), TimeSpan.FromHours(7));
            return new PlannedOccurrence(session, first.AddDays(d), start, start.AddMinutes(30),
                Enumerable.Range(0, items(s, d)).Select(k => new PlannedSlot(_seed.BulletinId, null, 10 * k, 10, null)).ToList());
        })).ToList();
        var writer = new OccurrencePlanWriter(_db.Database);

        writer.UpsertMany(Plans((s, d) => 1 + (s + d) % 7));
        AssertSameAsOracle(null, null);
        writer.UpsertMany(Plans((s, d) => d % 5 == 0 ? 0 : 1 + (s * d) % 9));

        AssertSameAsOracle(null, null);
        using var c = _db.Database.Open();
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM occurrence_tally_paused"));
        Assert.Equal(1800, c.ExecuteScalar<long>("SELECT COUNT(*) FROM occurrence_tally"));
    }

    private void AssertSameAsOracle(long? province, long? centre)
    {
        using (var c = _db.Database.Open())
            Assert.Equal(c.Query<TallyRow>(AirtimeSummaryOracle.Recount).Select(r => r.ToString()), c.Query<TallyRow>(AirtimeSummaryOracle.Kept).Select(r => r.ToString()));
        foreach (var unit in new[] { province, centre, null, 999_999 })
        foreach (var (from, to) in new[] { (_day, _day.AddDays(1)), (_day.AddDays(1), _day.AddDays(2)), (_day.AddDays(-30), _day.AddDays(30)), (_day.AddHours(6), _day.AddHours(6)) })
        {
            var expected = AirtimeSummaryOracle.Summarize(_db.Database, from, to, unit);
            var actual = _summary.Summarize(from, to, unit);
            Assert.Equal(expected.Select(r => r with { MinutesAired = 0 }), actual.Select(r => r with { MinutesAired = 0 }));
            Assert.All(expected.Zip(actual), p => Assert.Equal(p.First.MinutesAired, p.Second.MinutesAired, 9));
        }
    }

    private static PlannedSlot Bulletin(double offset) => new(0, null, offset, 60, null);

    private static PlannedSlot Relay(long sourceId, double? seconds) => new(0, null, 60, seconds ?? 600, null) { Relay = new RelayRundown(sourceId, seconds) };

    private Occurrence Plan(long communeId, DateTimeOffset start, IReadOnlyList<PlannedSlot> slots)
    {
        var session = new SessionRepository(_db.Database, _db.Time).Create(communeId, IsoWeekdays.Every, new TimeOnly(5, 30), 30);
        return Replan(session.Id, start, slots);
    }

    private Occurrence Replan(Occurrence occ, DateTimeOffset start, IReadOnlyList<PlannedSlot> slots) => Replan(occ.SessionId!.Value, start, slots, occ.LocalDate);

    private Occurrence Replan(long sessionId, DateTimeOffset start, IReadOnlyList<PlannedSlot> slots, DateOnly? date = null)
    {
        var occurrences = new OccurrenceRepository(_db.Database);
        var slotsWithBulletin = slots.Select(s => s.Relay is null ? s with { BulletinId = _seed.BulletinId } : s).ToList();
        var id = occurrences.Upsert(new PlannedOccurrence(sessionId, date ?? DateOnly.FromDateTime(start.UtcDateTime.AddHours(7)), start, start.AddMinutes(30), slotsWithBulletin));
        return occurrences.Find(id)!;
    }

    private void Record(Occurrence occ, params AirtimeOutcome[] outcomes)
    {
        for (var p = 0; p < outcomes.Length; p++) Assert.True(_seed.Record(occ, p, outcomes[p], outcomes[p] is AirtimeOutcome.Completed or AirtimeOutcome.Late ? 60 : 0));
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : OccurrenceTallyTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : OccurrenceTallyTests(DatabaseProvider.Postgres);
}
