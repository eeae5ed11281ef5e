using BroadcastHub.Data;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace BroadcastHub.Data.Tests;

/// <summary>
/// A real, migrated database, deleted afterwards: a SQLite file in a temp folder, or a fresh PostgreSQL database on the
/// cluster of <see cref="TestPostgres.ConnectionString"/>.
/// </summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bh-data-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly string? _postgresName;

    public TempDatabase() : this(DatabaseProvider.Sqlite)
    {
    }

    public TempDatabase(DatabaseProvider provider)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Postgres)
        {
            _postgresName = TestPostgres.CreateDatabase();
            ConnectionString = TestPostgres.ConnectionStringFor(_postgresName);
        }
        Database = OpenAnother();
        Migrator.Migrate(Database);
    }

    public DatabaseProvider Provider { get; }
    public AppDatabase Database { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));

    /// <summary>The PostgreSQL connection string of this database; null on SQLite.</summary>
    public string? ConnectionString { get; }

    /// <summary>A second, independent handle on the same database: another process, station PC or hub node.</summary>
    public AppDatabase OpenAnother() =>
        ConnectionString is { } cs ? AppDatabase.Postgres(cs) : new AppDatabase(Path.Combine(_dir, "test.db"));

    /// <summary>SQL that drops the named triggers of <paramref name="table"/> (the statement differs between the engines).</summary>
    public string DropTriggers(string table, params string[] names) =>
        string.Concat(names.Select(n => Provider == DatabaseProvider.Postgres ? $"DROP TRIGGER {n} ON {table};" : $"DROP TRIGGER {n};"));

    public void Dispose()
    {
        Database.Version.Dispose();
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            TestPostgres.DropDatabase(_postgresName);
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
