using BroadcastHub.Data.Repositories;
using Dapper;

namespace BroadcastHub.Data.Tests;

/// <summary>
/// A request's scope reads the database version once for its cached reads, yet never hides a commit it must see: one
/// acknowledged before the scope began (another node's), or one the scope made itself.
/// </summary>
public abstract class ReadCacheScopeTests : IDisposable
{
    private readonly TempDatabase _db;

    protected ReadCacheScopeTests(DatabaseProvider provider) => _db = new TempDatabase(provider);

    public void Dispose() => _db.Dispose();

    private IReadOnlyList<string> Units() => _db.Database.Cache.Get("units", () =>
    {
        using var c = _db.Database.Open();
        return (IReadOnlyList<string>)c.Query<string>("SELECT name FROM units ORDER BY name").AsList();
    });

    private static void AddUnit(AppDatabase db, string name) =>
        db.InTransaction((c, t) => c.Execute("INSERT INTO units (name, created_at) VALUES (@name, '2026-01-01')", new { name }, t));

    [DbFact]
    public void A_commit_acknowledged_before_the_scope_began_is_seen_by_its_first_read()
    {
        Assert.Empty(Units());
        AddUnit(_db.OpenAnother(), "Node 1");   // another node's write, acknowledged
        using var scope = _db.Database.Version.BeginScope();
        Assert.Equal(["Node 1"], Units());
    }

    [DbFact]
    public void Within_a_scope_the_version_is_read_once_until_the_scope_opens_a_connection()
    {
        using var scope = _db.Database.Version.BeginScope();
        var first = _db.Database.Version.Current();
        AddUnit(_db.OpenAnother(), "Node 1");   // committed while the scope runs: it may or may not be seen
        Assert.Equal(first, _db.Database.Version.Current());
        using (var c = _db.Database.Open()) c.Query("SELECT 1").AsList();
        Assert.NotEqual(first, _db.Database.Version.Current());
    }

    [DbFact]
    public void A_scope_sees_its_own_write_at_once_whether_the_connection_is_closed_or_still_open()
    {
        using var scope = _db.Database.Version.BeginScope();
        Assert.Empty(Units());
        new PlacesRepository(_db.Database, _db.Time).CreateUnit("A", null);
        Assert.Equal(["A"], Units());

        using var open = _db.Database.Open();
        Assert.Equal(["A"], Units());
        using (var t = _db.Database.Dialect.BeginWrite(open))
        {
            open.Execute("INSERT INTO units (name, created_at) VALUES ('B', '2026-01-01')", transaction: t);
            t.Commit();
        }
        Assert.Equal(["A", "B"], Units());
    }

    [DbFact]
    public void Outside_a_scope_every_read_checks_the_version()
    {
        Assert.Empty(Units());
        AddUnit(_db.OpenAnother(), "Node 1");
        Assert.Equal(["Node 1"], Units());
        using (_db.Database.Version.BeginScope()) Assert.Equal(["Node 1"], Units());
        AddUnit(_db.OpenAnother(), "Node 2");
        Assert.Equal(["Node 1", "Node 2"], Units());
    }

    [DbFact]
    public async Task A_prefetched_version_serves_the_scope_and_is_forgotten_when_the_scope_opens_a_connection()
    {
        Assert.Empty(Units());
        AddUnit(_db.OpenAnother(), "Node 1");   // acknowledged before the request: the prefetch must see it
        using var scope = _db.Database.Version.BeginScope();
        await _db.Database.Version.PrefetchAsync(CancellationToken.None);
        var prefetched = _db.Database.Version.Current();
        AddUnit(_db.OpenAnother(), "Node 2");   // during the request: may or may not be seen
        Assert.Equal(prefetched, _db.Database.Version.Current());
        Assert.Contains("Node 1", Units());
        using (var c = _db.Database.Open()) c.Query("SELECT 1").AsList();
        Assert.NotEqual(prefetched, _db.Database.Version.Current());
        Assert.Equal(["Node 1", "Node 2"], Units());
    }

    [DbFact]
    public async Task A_prefetch_outside_a_scope_remembers_nothing()
    {
        Assert.Empty(Units());
        await _db.Database.Version.PrefetchAsync(CancellationToken.None);
        AddUnit(_db.OpenAnother(), "Node 1");
        Assert.Equal(["Node 1"], Units());
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : ReadCacheScopeTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : ReadCacheScopeTests(DatabaseProvider.Postgres);
}
