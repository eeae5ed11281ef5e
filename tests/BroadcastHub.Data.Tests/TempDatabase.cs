using BroadcastHub.Data;
using Microsoft.Extensions.Time.Testing;

namespace BroadcastHub.Data.Tests;

/// <summary>A real, migrated SQLite file in a temp folder, deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bh-data-" + Guid.NewGuid().ToString("N")[..10]);

    public TempDatabase()
    {
        Database = new AppDatabase(Path.Combine(_dir, "test.db"));
        Migrator.Migrate(Database);
    }

    public AppDatabase Database { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
