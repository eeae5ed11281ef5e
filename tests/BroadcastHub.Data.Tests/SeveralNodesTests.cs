using BroadcastHub.Core.Airtime;
using BroadcastHub.Data.Repositories;
using Dapper;

namespace BroadcastHub.Data.Tests;

/// <summary>
/// Several processes on one database (SQLite: station PCs' processes on one file; PostgreSQL: hub nodes): migrations
/// apply once when they start together, concurrent airtime appends stay one verifiable chain with each item recorded
/// once, and a write through one node is seen by the other node's read cache at once.
/// </summary>
public abstract class SeveralNodesTests : IDisposable
{
    private readonly TempDatabase _db;

    protected SeveralNodesTests(DatabaseProvider provider) => _db = new TempDatabase(provider);

    public void Dispose() => _db.Dispose();

    [DbFact]
    public async Task Nodes_starting_together_apply_each_migration_once()
    {
        using (var c = _db.Database.Open()) c.Execute("DELETE FROM schema_migrations WHERE name = '0020_accounts.sql'");
        using (var c = _db.Database.Open())
            c.Execute("ALTER TABLE users DROP COLUMN must_change_password; ALTER TABLE users DROP COLUMN disabled_at; ALTER TABLE users DROP COLUMN security_stamp;");

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Migrator.Migrate(_db.OpenAnother()))));

        Assert.Equal(["0020_accounts.sql"], runs.SelectMany(r => r));
        using var check = _db.Database.Open();
        Assert.Equal(1, check.ExecuteScalar<long>("SELECT count(*) FROM schema_migrations WHERE name = '0020_accounts.sql'"));
    }

    [DbFact]
    public async Task Concurrent_appends_from_two_nodes_make_one_chain_and_each_item_is_recorded_once()
    {
        var seed = new AirtimeSeed(_db);
        const int items = 30;
        var occurrences = Enumerable.Range(0, 4).Select(i => seed.Occurrence(seed.Commune($"Xã {i}").Id, _db.Time.GetUtcNow(), items)).ToList();
        var nodes = new[] { new AirtimeRepository(_db.OpenAnother()), new AirtimeRepository(_db.OpenAnother()) };
        using var start = new Barrier(nodes.Length * occurrences.Count);

        // Both nodes try every item of every occurrence at the same time: each item must be recorded exactly once.
        var appended = await Task.WhenAll(nodes.SelectMany(node => occurrences.Select(occ => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            return Enumerable.Range(0, items).Count(position => node.TryAppend(new AirtimeRecord
            {
                OccurrenceId = occ.Id, Position = position, BulletinId = seed.BulletinId, ScheduledStart = occ.StartUtc,
                PlayedSeconds = 0, Outcome = AirtimeOutcome.Missed, RecordedAt = _db.Time.GetUtcNow(),
            }));
        }, TaskCreationOptions.LongRunning))));

        Assert.Equal(occurrences.Count * items, appended.Sum());
        var report = seed.Airtime.Verify();
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(occurrences.Count * items, report.Records);
    }

    [DbFact]
    public void A_write_through_one_node_is_seen_by_the_other_nodes_read_cache_at_once()
    {
        var nodeOne = new PlacesRepository(_db.OpenAnother(), _db.Time);
        var nodeTwo = new PlacesRepository(_db.OpenAnother(), _db.Time);
        Assert.Empty(nodeTwo.ListCommunes());
        Assert.Empty(nodeTwo.ListCommunes());

        nodeOne.CreateCommune("Xã Lũng Cú", null);

        Assert.Equal(["Xã Lũng Cú"], nodeTwo.ListCommunes().Select(c => c.Name));
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : SeveralNodesTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : SeveralNodesTests(DatabaseProvider.Postgres);
}
