using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using Dapper;

namespace BroadcastHub.Data.Tests;

/// <summary>
/// Migration 0036: the occurrence tally stays exact when the planner writes hundreds of occurrences at once, whichever
/// reaches the database first — a chunk's items (PostgreSQL's COPY order; SQLite's item batches fill before the batch of
/// their occurrences) or the occurrences — and the migration repairs counts already left wrong.
/// </summary>
public abstract class BulkPlanTallyTests : IDisposable
{
    private readonly TempDatabase _db;

    protected BulkPlanTallyTests(DatabaseProvider provider) => _db = new TempDatabase(provider);

    public void Dispose() => _db.Dispose();

    [DbFact]
    public void A_bulk_plan_and_a_replan_that_changes_every_rundown_count_each_occurrences_items()
    {
        var (plans, bulletin) = Plans(communes: 12, days: 30);
        var writer = new OccurrencePlanWriter(_db.Database);

        writer.UpsertMany(plans);
        AssertTallyExact(expectedItems: 2 * plans.Count);

        writer.UpsertMany(plans.Select(p => p with { Items = [.. p.Items, new PlannedSlot(bulletin, p.Items[0].BookingId, 120, 1, null)] }).ToList());
        AssertTallyExact(expectedItems: 3 * plans.Count);
    }

    [DbFact]
    public void The_migration_repairs_item_counts_left_wrong()
    {
        var (plans, _) = Plans(communes: 2, days: 5);
        new OccurrencePlanWriter(_db.Database).UpsertMany(plans);
        using (var c = _db.Database.Open())
            c.Execute("UPDATE occurrence_tally SET items = 0; DELETE FROM schema_migrations WHERE name = '0036_tally_counts_items_present.sql';");

        Assert.Equal(["0036_tally_counts_items_present.sql"], Migrator.Migrate(_db.Database));

        AssertTallyExact(expectedItems: 2 * plans.Count);
    }

    private void AssertTallyExact(long expectedItems)
    {
        using var c = _db.Database.Open();
        Assert.Equal(expectedItems, c.ExecuteScalar<long>("SELECT count(*) FROM rundown_items"));
        Assert.Equal(c.Query<string>(Rows(AirtimeSummaryOracle.Recount)), c.Query<string>(Rows(AirtimeSummaryOracle.Kept)));
    }

    /// <summary>Each row of <paramref name="query"/> as one text, to compare whole tables.</summary>
    private static string Rows(string query) =>
        $"SELECT CAST(id AS TEXT) || ' ' || CAST(zone_id AS TEXT) || ' ' || start_utc || ' ' || CAST(cancelled AS TEXT) || ' ' || CAST(items AS TEXT) FROM ({query}) t";

    /// <summary>One daily session per commune, each day planned with two items.</summary>
    private (List<PlannedOccurrence> Plans, long Bulletin) Plans(int communes, int days)
    {
        var places = new PlacesRepository(_db.Database, _db.Time);
        var sessions = new SessionRepository(_db.Database, _db.Time);
        var bulletin = new BulletinRepository(_db.Database).Insert(new Bulletin
        {
            Title = "Tin", OriginalFileName = "a.mp3", Sha256 = new string('b', 64), Codec = "mp3", Frames = 22050, SampleRate = 22050,
            Channels = 1, Status = BulletinStatus.Approved, UploadedAt = _db.Time.GetUtcNow(),
        }).Id;
        var first = new DateOnly(2026, 12, 1);
        var plans = new List<PlannedOccurrence>();
        for (var c = 0; c < communes; c++)
        {
            var session = sessions.Create(places.CreateCommune($"Xã {c}", null).Id, IsoWeekdays.Every, new TimeOnly(5, 30), 30);
            var booking = new BookingRepository(_db.Database, _db.Time).Create(session.Id, [bulletin], first, first.AddDays(days - 1), "t");
            for (var d = 0; d < days; d++)
            {
                var start = new DateTimeOffset(first.AddDays(d), new TimeOnly(5, 30), TimeSpan.FromHours(7));
                plans.Add(new PlannedOccurrence(session.Id, first.AddDays(d), start, start.AddMinutes(30),
                    [new PlannedSlot(bulletin, booking.Id, 0, 1, null), new PlannedSlot(bulletin, booking.Id, 60, 1, null)]));
            }
        }
        return (plans, bulletin);
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : BulkPlanTallyTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : BulkPlanTallyTests(DatabaseProvider.Postgres);
}
