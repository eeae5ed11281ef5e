using BroadcastHub.Data.Repositories;
using Dapper;

namespace BroadcastHub.Data.Tests;

/// <summary>Cached reads are reused until anything is committed, by any connection, and never served stale.</summary>
public abstract class ReadCacheTests : IDisposable
{
    private readonly TempDatabase _db;

    protected ReadCacheTests(DatabaseProvider provider) => _db = new TempDatabase(provider);

    public void Dispose() => _db.Dispose();

    [DbFact]
    public void The_version_moves_on_every_commit_from_any_connection_and_not_on_reads()
    {
        var before = _db.Database.Version.Current();
        using (var c = _db.Database.Open()) c.Query("SELECT * FROM units").AsList();
        Assert.Equal(before, _db.Database.Version.Current());

        new PlacesRepository(_db.Database, _db.Time).CreateUnit("Trung tâm", null);
        var afterOwn = _db.Database.Version.Current();
        Assert.NotEqual(before, afterOwn);

        // Another process's connection (a second station PC) is seen the same way.
        var other = _db.OpenAnother();
        other.InTransaction((c, t) => c.Execute("INSERT INTO units (name, created_at) VALUES ('B', '2026-01-01')", transaction: t));
        Assert.NotEqual(afterOwn, _db.Database.Version.Current());
    }

    [DbFact]
    public void A_cached_result_is_computed_once_per_version_and_recomputed_after_a_change()
    {
        var computed = 0;
        IReadOnlyList<string> Units() => _db.Database.Cache.Get("units", () =>
        {
            computed++;
            using var c = _db.Database.Open();
            return (IReadOnlyList<string>)c.Query<string>("SELECT name FROM units ORDER BY name").AsList();
        });

        Assert.Empty(Units());
        Assert.Empty(Units());
        Assert.Equal(1, computed);

        new PlacesRepository(_db.Database, _db.Time).CreateUnit("Trung tâm", null);
        Assert.Equal(["Trung tâm"], Units());
        Assert.Equal(2, computed);
    }

    [DbFact]
    public void A_failure_is_not_remembered_and_a_clock_window_replaces_its_entry_instead_of_adding_one()
    {
        var calls = 0;
        Assert.Throws<InvalidOperationException>(() => _db.Database.Cache.Get<string>("flaky", () => { calls++; throw new InvalidOperationException("busy"); }));
        Assert.Equal("ok", _db.Database.Cache.Get("flaky", () => { calls++; return "ok"; }));
        Assert.Equal(2, calls);

        Assert.Equal("minute 1", _db.Database.Cache.Get("next-up", () => "minute 1", window: 1));
        Assert.Equal("minute 1", _db.Database.Cache.Get("next-up", () => "recomputed", window: 1));
        Assert.Equal("minute 2", _db.Database.Cache.Get("next-up", () => "minute 2", window: 2));
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : ReadCacheTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : ReadCacheTests(DatabaseProvider.Postgres);
}
