using System.Data.Common;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using Dapper;

namespace BroadcastHub.Data.Tests;

/// <summary>The bulk plan writer: batched inserts across batch boundaries, ids in plan order, foreign keys still enforced.</summary>
public abstract class PlanWriterTests : IDisposable
{
    private readonly TempDatabase _db;

    protected PlanWriterTests(DatabaseProvider provider) => _db = new TempDatabase(provider);

    public void Dispose() => _db.Dispose();

    [DbFact]
    public void Hundreds_of_new_occurrences_are_written_with_their_zone_and_rundown_and_returned_in_plan_order()
    {
        var places = new PlacesRepository(_db.Database, _db.Time);
        var sessions = new SessionRepository(_db.Database, _db.Time);
        var bulletin = Bulletin();
        var plans = new List<PlannedOccurrence>();
        var zones = new Dictionary<long, long>();
        var first = new DateOnly(2026, 12, 1);
        for (var c = 0; c < 9; c++)
        {
            var commune = places.CreateCommune($"Xã {c}", null);
            var session = sessions.Create(commune.Id, IsoWeekdays.Every, new TimeOnly(5, 30), 30);
            zones[session.Id] = commune.ZoneId;
            var booking = new BookingRepository(_db.Database, _db.Time).Create(session.Id, [bulletin.Id], first, first.AddDays(29), "t");
            for (var d = 0; d < 30; d++)
            {
                var start = new DateTimeOffset(first.AddDays(d), new TimeOnly(5, 30), TimeSpan.FromHours(7)).AddSeconds(c);
                plans.Add(new PlannedOccurrence(session.Id, first.AddDays(d), start, start.AddMinutes(30),
                    [new PlannedSlot(bulletin.Id, booking.Id, 0, 1, null), new PlannedSlot(bulletin.Id, booking.Id, 1, 1, 5.5 + d)]));
            }
        }

        var ids = new OccurrencePlanWriter(_db.Database).UpsertMany(plans);

        Assert.Equal(270, ids.Distinct().Count());
        var occurrences = new OccurrenceRepository(_db.Database);
        for (var i = 0; i < plans.Count; i += 37)
        {
            var occ = occurrences.Find(ids[i])!;
            Assert.Equal((plans[i].SessionId, plans[i].LocalDate, plans[i].StartUtc), (occ.SessionId!.Value, occ.LocalDate, occ.StartUtc));
            Assert.Equal(zones[plans[i].SessionId], occ.ZoneId);
            Assert.Equal(OccurrenceState.Planned, occ.State);
            var rundown = occurrences.Rundown(occ.Id);
            Assert.Equal([0, 1], rundown.Select(r => r.Position));
            Assert.Equal(plans[i].Items[1].NotBeforeSeconds, rundown[1].NotBeforeSeconds);
        }
        Assert.Equal(ids, new OccurrencePlanWriter(_db.Database).UpsertMany(plans));
    }

    [DbFact]
    public void A_programme_fill_item_keeps_its_fill_and_no_booking_and_a_changed_rundown_is_rewritten()
    {
        var commune = new PlacesRepository(_db.Database, _db.Time).CreateCommune("Xã", null);
        var session = new SessionRepository(_db.Database, _db.Time).Create(commune.Id, IsoWeekdays.Every, new TimeOnly(5, 30), 30);
        var bulletin = Bulletin();
        var date = new DateOnly(2026, 12, 1);
        var booking = new BookingRepository(_db.Database, _db.Time).Create(session.Id, [bulletin.Id], date, date, "t");
        var start = new DateTimeOffset(date, new TimeOnly(5, 30), TimeSpan.FromHours(7));
        PlannedOccurrence Plan(params PlannedSlot[] items) => new(session.Id, date, start, start.AddMinutes(30), items);
        var writer = new OccurrencePlanWriter(_db.Database);

        var id = Assert.Single(writer.UpsertMany([Plan(new PlannedSlot(bulletin.Id, null, 0, 1, null) { Fill = RundownFill.Intro },
            new PlannedSlot(bulletin.Id, booking.Id, 1, 1, 2.5))]));
        var rundown = new OccurrenceRepository(_db.Database).Rundown(id);
        Assert.Equal((null, RundownFill.Intro, (double?)null), (rundown[0].BookingId, rundown[0].Fill, rundown[0].NotBeforeSeconds));
        Assert.Equal((booking.Id, (RundownFill?)null, 2.5), (rundown[1].BookingId!.Value, rundown[1].Fill, rundown[1].NotBeforeSeconds!.Value));

        Assert.Equal(id, Assert.Single(writer.UpsertMany([Plan(new PlannedSlot(bulletin.Id, booking.Id, 0, 1, null))])));
        Assert.Equal(booking.Id, Assert.Single(new OccurrenceRepository(_db.Database).Rundown(id)).BookingId);
    }

    [DbFact]
    public void A_plan_naming_a_bulletin_that_does_not_exist_writes_nothing()
    {
        var commune = new PlacesRepository(_db.Database, _db.Time).CreateCommune("Xã", null);
        var session = new SessionRepository(_db.Database, _db.Time).Create(commune.Id, IsoWeekdays.Every, new TimeOnly(5, 30), 30);
        var bulletin = Bulletin();
        var date = new DateOnly(2026, 12, 1);
        var booking = new BookingRepository(_db.Database, _db.Time).Create(session.Id, [bulletin.Id], date, date, "t");
        var start = new DateTimeOffset(date, new TimeOnly(5, 30), TimeSpan.FromHours(7));

        Assert.ThrowsAny<DbException>(() => new OccurrencePlanWriter(_db.Database).UpsertMany(
            [new PlannedOccurrence(session.Id, date, start, start.AddMinutes(30), [new PlannedSlot(999, booking.Id, 0, 1, null)])]));
        Assert.Null(new OccurrenceRepository(_db.Database).FindBySession(session.Id, date));
    }

    [DbFact]
    public void More_sessions_and_stale_occurrences_than_sqlite_can_bind_one_by_one_are_filtered_and_cancelled()
    {
        var commune = new PlacesRepository(_db.Database, _db.Time).CreateCommune("Xã", null);
        var repository = new SessionRepository(_db.Database, _db.Time);
        var sessions = Enumerable.Range(0, 100).Select(i => repository.Create(commune.Id, IsoWeekdays.Every, new TimeOnly(0, 0).AddMinutes(10 * i), 5).Id).ToList();
        var first = new DateOnly(2026, 12, 1);
        var plans = sessions.SelectMany(s => Enumerable.Range(0, 333).Select(d =>
        {
            var start = new DateTimeOffset(first.AddDays(d), new TimeOnly(5, 30), TimeSpan.FromHours(7));
            return new PlannedOccurrence(s, first.AddDays(d), start, start.AddMinutes(5), []);
        })).ToList();
        var ids = new OccurrencePlanWriter(_db.Database).UpsertMany(plans);
        var keep = ids.Take(3).ToHashSet();
        // 40,100 session ids and 33,297 stale occurrences: more than the 32,766 parameters SQLite binds in one statement.
        var asked = sessions.Concat(Enumerable.Range(0, 40_000).Select(i => 10_000_000L + i)).ToList();

        var cancelled = new OccurrencePlanWriter(_db.Database).CancelUnplanned(asked, first, first.AddDays(332), keep, new DateTimeOffset(first.AddDays(-1), TimeOnly.MinValue, TimeSpan.Zero));

        Assert.Equal(plans.Count - 3, cancelled);
        using var c = _db.Database.Open();
        Assert.Equal(plans.Count - 3, c.ExecuteScalar<long>("SELECT COUNT(*) FROM occurrences WHERE state = 'Cancelled'"));
        Assert.Equal(plans.Count - 3, c.ExecuteScalar<long>("SELECT SUM(cancelled) FROM occurrence_tally"));
        Assert.Equal(3, c.ExecuteScalar<long>("SELECT COUNT(*) FROM occurrences WHERE state = 'Planned'"));
    }

    [DbFact]
    public async Task Two_writers_planning_the_same_new_occurrences_at_once_write_each_once()
    {
        var commune = new PlacesRepository(_db.Database, _db.Time).CreateCommune("Xã", null);
        var repository = new SessionRepository(_db.Database, _db.Time);
        var bulletin = Bulletin();
        var first = new DateOnly(2026, 12, 1);
        var plans = Enumerable.Range(0, 20).SelectMany(i =>
        {
            var session = repository.Create(commune.Id, IsoWeekdays.Every, new TimeOnly(0, 0).AddMinutes(30 * i), 20).Id;
            return Enumerable.Range(0, 100).Select(d =>
            {
                var start = new DateTimeOffset(first.AddDays(d), new TimeOnly(5, 30), TimeSpan.FromHours(7));
                return new PlannedOccurrence(session, first.AddDays(d), start, start.AddMinutes(20),
                    [new PlannedSlot(bulletin.Id, null, 0, 10, null), new PlannedSlot(bulletin.Id, null, 10, 10, null)]);
            });
        }).ToList();

        // Both read the empty database first; whichever writes second must see the other's rows under the lock.
        using var start = new Barrier(2);
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            return new OccurrencePlanWriter(_db.Database).UpsertMany(plans);
        }, TaskCreationOptions.LongRunning)));

        Assert.Equal(both[0], both[1]);
        using var c = _db.Database.Open();
        Assert.Equal(plans.Count, c.ExecuteScalar<long>("SELECT COUNT(*) FROM occurrences"));
        Assert.Equal(2 * plans.Count, c.ExecuteScalar<long>("SELECT COUNT(*) FROM rundown_items"));
        Assert.Equal(2 * plans.Count, c.ExecuteScalar<long>("SELECT SUM(items) FROM occurrence_tally"));
    }

    private Bulletin Bulletin() => new BulletinRepository(_db.Database).Insert(new Bulletin
    {
        Title = "Tin", OriginalFileName = "a.mp3", Sha256 = new string('b', 64), Codec = "mp3", Frames = 22050, SampleRate = 22050,
        Channels = 1, Status = BulletinStatus.Approved, UploadedAt = _db.Time.GetUtcNow(),
    });

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : PlanWriterTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : PlanWriterTests(DatabaseProvider.Postgres);
}
