using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using Dapper;

namespace BroadcastHub.Data.Tests;

/// <summary>
/// Which stored occurrences a replan rewrites (compared on the server on PostgreSQL, in memory on SQLite): any change
/// of a Planned occurrence's rundown or instants is written, an unchanged one and one no longer Planned are not touched.
/// </summary>
public abstract class PlanRewriteTests : IDisposable
{
    private static readonly DateOnly First = new(2026, 12, 1);
    private readonly TempDatabase _db;

    protected PlanRewriteTests(DatabaseProvider provider) => _db = new TempDatabase(provider);

    public void Dispose() => _db.Dispose();

    [DbFact]
    public void Every_kind_of_rundown_change_is_rewritten_and_an_unchanged_rundown_is_left_alone()
    {
        var (session, booking, a, b, c) = Seed();
        var relay = new RelaySourceRepository(_db.Database, _db.Time);
        var (vov, tinh) = (relay.Add("VOV1", "http://vov.example/1.mp3")!.Id, relay.Add("Tỉnh", "http://tinh.example/1.mp3")!.Id);
        var baseline = new[]
        {
            new PlannedSlot(a, null, 0, 5, null) { Fill = RundownFill.Intro }, new PlannedSlot(a, booking, 5, 10, null),
            new PlannedSlot(b, booking, 15, 10, 2.5), new PlannedSlot(0, booking, 25, 60, null) { Relay = new RelayRundown(vov, 60) },
        };
        var changes = new Dictionary<string, PlannedSlot[]>
        {
            ["item added"] = [.. baseline, new PlannedSlot(c, booking, 85, 10, null)],
            ["item removed"] = baseline[..^1],
            ["items reordered"] = [baseline[0], baseline[2], baseline[1], baseline[3]],
            ["bulletin swapped"] = [baseline[0], baseline[1] with { BulletinId = c }, baseline[2], baseline[3]],
            ["relay length changed"] = [.. baseline[..3], baseline[3] with { Relay = new RelayRundown(vov, 90) }],
            ["relay until the end"] = [.. baseline[..3], baseline[3] with { Relay = new RelayRundown(vov, null) }],
            ["relay source changed"] = [.. baseline[..3], baseline[3] with { Relay = new RelayRundown(tinh, 60) }],
            ["relay became a bulletin"] = [.. baseline[..3], new PlannedSlot(c, booking, 25, 60, null)],
            ["not-before changed"] = [baseline[0], baseline[1], baseline[2] with { NotBeforeSeconds = 3.5 }, baseline[3]],
            ["not-before dropped"] = [baseline[0], baseline[1], baseline[2] with { NotBeforeSeconds = null }, baseline[3]],
            ["fill dropped"] = [baseline[0] with { Fill = null }, .. baseline[1..]],
            ["booking dropped"] = [baseline[0], baseline[1] with { BookingId = null }, .. baseline[2..]],
            ["rundown emptied"] = [],
        };
        var dates = changes.Keys.Select((name, i) => (name, First.AddDays(i))).ToDictionary();
        var unchanged = First.AddDays(changes.Count);
        var writer = new OccurrencePlanWriter(_db.Database);
        var ids = writer.UpsertMany([.. dates.Values.Select(d => Plan(session, d, baseline)), Plan(session, unchanged, baseline)]);
        var before = ids.Select(Versions).ToList();

        var again = writer.UpsertMany([.. dates.Select(d => Plan(session, d.Value, changes[d.Key])), Plan(session, unchanged, baseline)]);

        Assert.Equal(ids, again);
        var repository = new OccurrenceRepository(_db.Database);
        foreach (var (name, i) in changes.Keys.Select((name, i) => (name, i)))
        {
            Assert.True(changes[name].Length == 0 || before[i] != Versions(ids[i]), $"{name}: not rewritten");
            Assert.Equal(Expected(changes[name]), repository.Rundown(ids[i]).Select(Stored));
        }
        Assert.Equal(before[^1], Versions(ids[^1]));
        Assert.Equal(Expected(baseline), repository.Rundown(ids[^1]).Select(Stored));
    }

    [DbFact]
    public void Other_instants_are_rewritten_and_an_occurrence_no_longer_planned_is_never_touched()
    {
        var (session, booking, a, b, _) = Seed();
        PlannedSlot[] rundown = [new PlannedSlot(a, booking, 0, 10, null)];
        var writer = new OccurrencePlanWriter(_db.Database);
        var ids = writer.UpsertMany([Plan(session, First, rundown), Plan(session, First.AddDays(1), rundown)]);
        using (var connection = _db.Database.Open())
            connection.Execute("UPDATE occurrences SET state = 'Missed' WHERE id = @id", new { id = ids[1] });
        var before = ids.Select(Versions).ToList();

        PlannedSlot[] other = [new PlannedSlot(b, booking, 0, 10, null)];
        writer.UpsertMany([Plan(session, First, rundown, TimeSpan.FromMinutes(1)), Plan(session, First.AddDays(1), other)]);

        var repository = new OccurrenceRepository(_db.Database);
        Assert.Equal(Plan(session, First, rundown, TimeSpan.FromMinutes(1)).StartUtc, repository.Find(ids[0])!.StartUtc);
        Assert.NotEqual(before[0], Versions(ids[0]));
        Assert.Equal(before[1], Versions(ids[1]));
        Assert.Equal(a, Assert.Single(repository.Rundown(ids[1])).BulletinId);
    }

    [DbFact]
    public void In_a_chunk_spanning_two_dates_only_the_changed_plans_are_rewritten()
    {
        var (session, booking, a, b, _) = Seed();
        var commune = new PlacesRepository(_db.Database, _db.Time).CreateCommune("Xã khác", null);
        var repository = new SessionRepository(_db.Database, _db.Time);
        long[] sessions = [session, .. Enumerable.Range(0, 149).Select(i => repository.Create(commune.Id, IsoWeekdays.Every, new TimeOnly(0, 0).AddMinutes(5 * i), 5).Id)];
        // 150 sessions on two dates, two rows a plan: written date by date, the second chunk of 250 rows holds plans
        // 125–149 of the first date and 0–99 of the second.
        PlannedSlot[] rundown = [new PlannedSlot(a, booking, 0, 10, null)];
        PlannedSlot[] other = [new PlannedSlot(b, booking, 0, 10, null)];
        var plans = new[] { First, First.AddDays(1) }.SelectMany(d => sessions.Select(s => Plan(s, d, rundown))).ToList();
        var writer = new OccurrencePlanWriter(_db.Database);
        var ids = writer.UpsertMany(plans);
        var before = ids.Select(Versions).ToList();
        int[] changed = [140, 200];
        foreach (var i in changed) plans[i] = plans[i] with { Items = other };

        var again = writer.UpsertMany(plans);

        Assert.Equal(ids, again);
        Assert.Equal(Enumerable.Range(0, plans.Count).Where(i => before[i] != Versions(ids[i])), changed);
        var occurrences = new OccurrenceRepository(_db.Database);
        Assert.All(changed, i => Assert.Equal(b, Assert.Single(occurrences.Rundown(ids[i])).BulletinId));
        Assert.Equal(a, Assert.Single(occurrences.Rundown(ids[141])).BulletinId);
    }

    private (long Session, long Booking, long A, long B, long C) Seed()
    {
        var commune = new PlacesRepository(_db.Database, _db.Time).CreateCommune("Xã", null);
        var session = new SessionRepository(_db.Database, _db.Time).Create(commune.Id, IsoWeekdays.Every, new TimeOnly(5, 30), 30);
        var bulletins = new BulletinRepository(_db.Database);
        var ids = "abc".Select(ch => bulletins.Insert(new Bulletin
        {
            Title = "Tin " + ch, OriginalFileName = "a.mp3", Sha256 = new string(ch, 64), Codec = "mp3", Frames = 22050, SampleRate = 22050,
            Channels = 1, Status = BulletinStatus.Approved, UploadedAt = _db.Time.GetUtcNow(),
        }).Id).ToList();
        var booking = new BookingRepository(_db.Database, _db.Time).Create(session.Id, [ids[0]], First, First.AddDays(30), "t");
        return (session.Id, booking.Id, ids[0], ids[1], ids[2]);
    }

    private static PlannedOccurrence Plan(long session, DateOnly date, PlannedSlot[] items, TimeSpan shift = default)
    {
        var start = new DateTimeOffset(date, new TimeOnly(5, 30), TimeSpan.FromHours(7)) + shift;
        return new PlannedOccurrence(session, date, start, start.AddMinutes(30), items);
    }

    /// <summary>The physical versions of an occurrence's stored items (PostgreSQL's inserting transaction, SQLite's
    /// rowid): they change when the writer deletes and re-inserts the rundown, and only then.</summary>
    private string Versions(long occurrenceId)
    {
        using var connection = _db.Database.Open();
        var version = _db.Provider == DatabaseProvider.Postgres ? "xmin::text" : "CAST(rowid AS TEXT)";
        return string.Join(",", connection.Query<string>($"SELECT {version} FROM rundown_items WHERE occurrence_id = @occurrenceId ORDER BY position",
            new { occurrenceId }));
    }

    private static IEnumerable<string> Expected(PlannedSlot[] slots) => slots.Select((s, i) =>
        Row(i, s.Relay is null ? s.BulletinId : null, s.BookingId, s.NotBeforeSeconds, s.Fill, s.Relay?.SourceId, s.Relay?.Seconds));

    private static string Stored(RundownItem r) =>
        Row(r.Position, r.Relay is null ? r.BulletinId : null, r.BookingId, r.NotBeforeSeconds, r.Fill, r.Relay?.SourceId, r.Relay?.Seconds);

    private static string Row(int position, long? bulletin, long? booking, double? notBefore, RundownFill? fill, long? relay, double? relaySeconds) =>
        $"{position}: bulletin {bulletin} booking {booking} not before {notBefore} fill {fill} relay {relay} {relaySeconds}";

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : PlanRewriteTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : PlanRewriteTests(DatabaseProvider.Postgres);
}
