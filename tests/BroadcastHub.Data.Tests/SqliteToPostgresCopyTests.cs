using BroadcastHub.Core.Airtime;
using BroadcastHub.Data.Repositories;
using Dapper;

namespace BroadcastHub.Data.Tests;

/// <summary>migrate-to-postgres: every row of a SQLite deployment arrives, the airtime chain verifies on the target.</summary>
public abstract class SqliteToPostgresCopyTests : IDisposable
{
    private readonly TempDatabase _sqlite = new(DatabaseProvider.Sqlite);
    private readonly string _target = TestPostgres.SkipReason is null ? TestPostgres.CreateDatabase() : "";

    public void Dispose()
    {
        _sqlite.Dispose();
        Npgsql.NpgsqlConnection.ClearAllPools();
        TestPostgres.DropDatabase(_target);
    }

    [DbFact]
    public void Every_row_arrives_with_its_id_the_chain_verifies_and_new_rows_continue_after_the_copied_ids()
    {
        var seed = new AirtimeSeed(_sqlite);
        var occ = seed.Occurrence(seed.Commune("Xã Lũng Cú").Id, _sqlite.Time.GetUtcNow(), 3);
        Assert.True(seed.Record(occ, 0, AirtimeOutcome.Completed, 60));
        Assert.True(seed.Record(occ, 1, AirtimeOutcome.Missed, 0));
        new UserRepository(_sqlite.Database, _sqlite.Time).Create("NguyenVanA", "hash", "Operator", null);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var report = SqliteToPostgresCopy.Run(_sqlite.Database.Path, TestPostgres.ConnectionStringFor(_target));

        Assert.True(report.Chain.Intact, report.Chain.Problem);
        Assert.Equal(2, report.Chain.Records);
        using var source = _sqlite.Database.Open();
        var target = AppDatabase.Postgres(TestPostgres.ConnectionStringFor(_target));
        using var c = target.Open();
        foreach (var table in new[] { "communes", "zones", "sessions", "bulletins", "bookings", "booking_items", "occurrences", "rundown_items", "airtime", "users", "stations" })
        {
            Assert.Equal(source.ExecuteScalar<long>($"SELECT count(*) FROM {table}"), c.ExecuteScalar<long>($"SELECT count(*) FROM {table}"));
            Assert.Equal(report.Rows[table], c.ExecuteScalar<long>($"SELECT count(*) FROM {table}"));
        }
        Assert.NotNull(new UserRepository(target, _sqlite.Time).FindByName("nguyenvana"));
        var next = new PlacesRepository(target, _sqlite.Time).CreateCommune("Xã mới", null);
        Assert.True(next.Id > source.ExecuteScalar<long>("SELECT max(id) FROM communes"));
    }

    [DbFact]
    public void The_occurrence_tally_arrives_as_the_triggers_kept_it_and_the_summary_on_the_target_equals_counting_the_rows()
    {
        var seed = new AirtimeSeed(_sqlite);
        var start = _sqlite.Time.GetUtcNow();
        var commune = seed.Commune("Xã Lũng Cú");
        var aired = seed.Occurrence(commune.Id, start, 3);
        Assert.True(seed.Record(aired, 0, AirtimeOutcome.Completed, 60.5));
        Assert.True(seed.Record(aired, 1, AirtimeOutcome.Preempted, 12));
        var cancelled = seed.Occurrence(commune.Id, start.AddHours(2), 4);
        Assert.True(new OccurrenceRepository(_sqlite.Database).TryTransition(cancelled.Id, Core.Scheduling.OccurrenceState.Cancelled, start));
        seed.Occurrence(seed.Commune("Xã Sủng Là").Id, start, 2);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var report = SqliteToPostgresCopy.Run(_sqlite.Database.Path, TestPostgres.ConnectionStringFor(_target));

        Assert.Equal(3, report.Rows["occurrence_tally"]);
        var target = AppDatabase.Postgres(TestPostgres.ConnectionStringFor(_target), cacheReads: false);
        using (var c = target.Open())
            Assert.Equal(c.Query(AirtimeSummaryOracle.Recount).Select(r => (string)r.ToString()), c.Query(AirtimeSummaryOracle.Kept).Select(r => (string)r.ToString()));
        var summary = new AirtimeSummaryRepository(target).Summarize(start.AddDays(-1), start.AddDays(1), null);
        Assert.Equal(AirtimeSummaryOracle.Summarize(target, start.AddDays(-1), start.AddDays(1), null), summary);
        Assert.Equal((3L, 1L, 1L, 72.5 / 60), (summary[0].Planned, summary[0].Aired, summary[0].Preempted, summary[0].MinutesAired));
        // The triggers are on again on the target: a record written there is counted.
        Assert.True(new AirtimeRepository(target).TryAppend(new AirtimeRecord
        {
            OccurrenceId = aired.Id, Position = 2, BulletinId = seed.BulletinId, ScheduledStart = aired.StartUtc.AddMinutes(2),
            PlayedSeconds = 0, Outcome = AirtimeOutcome.Missed, RecordedAt = start,
        }));
        Assert.Equal(1, new AirtimeSummaryRepository(target).Summarize(start.AddDays(-1), start.AddDays(1), null)[0].Missed);
    }

    [DbFact]
    public void A_target_that_is_not_empty_is_refused_and_left_as_it_was()
    {
        var target = AppDatabase.Postgres(TestPostgres.ConnectionStringFor(_target));
        Migrator.Migrate(target);
        new PlacesRepository(target, _sqlite.Time).CreateCommune("Xã đã có", null);

        var refused = Assert.Throws<InvalidOperationException>(() => SqliteToPostgresCopy.Run(_sqlite.Database.Path, TestPostgres.ConnectionStringFor(_target)));

        Assert.Contains("not empty", refused.Message);
        using var c = target.Open();
        Assert.Equal(["Xã đã có"], c.Query<string>("SELECT name FROM communes"));
    }

    /// <summary>On PostgreSQL (the copy's target; its source is always SQLite).</summary>
    public sealed class OnPostgres() : SqliteToPostgresCopyTests();
}
