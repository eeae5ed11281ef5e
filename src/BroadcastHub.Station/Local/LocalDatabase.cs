using Dapper;
using Microsoft.Data.Sqlite;

namespace BroadcastHub.Station.Local;

/// <summary>
/// The agent's own SQLite file (<c>DataPath/station.db</c>): the manifest window it airs from, what the playout claimed and
/// heard on air (<c>airing_state</c>), the relay sources its items name, the local hash-chained airtime log, the outbox that uploads it and the relay recordings still to upload.
/// WAL and a busy timeout, because the sync loop and the playout write from different threads.
/// </summary>
public sealed class LocalDatabase
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS sync_state (id INTEGER PRIMARY KEY CHECK (id = 1), version TEXT NOT NULL, synced_at TEXT NOT NULL,
            window_from TEXT NOT NULL, window_until TEXT NOT NULL, cache_ready_until TEXT NULL);
        CREATE TABLE IF NOT EXISTS zones (zone_id INTEGER PRIMARY KEY, commune_id INTEGER NOT NULL, commune_name TEXT NOT NULL, policy_json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS occurrences (id INTEGER PRIMARY KEY, zone_id INTEGER NOT NULL, commune_id INTEGER NOT NULL, session_id INTEGER NULL,
            local_date TEXT NOT NULL, start_utc TEXT NOT NULL, end_utc TEXT NOT NULL, state TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS rundown_items (occurrence_id INTEGER NOT NULL REFERENCES occurrences(id) ON DELETE CASCADE, position INTEGER NOT NULL,
            bulletin_id INTEGER NOT NULL, title TEXT NOT NULL, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL, duration_seconds REAL NOT NULL,
            integrated_lufs REAL NOT NULL, true_peak_dbtp REAL NOT NULL, offset_seconds REAL NOT NULL, planned_start TEXT NOT NULL,
            not_before_seconds REAL NULL, booking_id INTEGER NULL, fill TEXT NULL, frames INTEGER NOT NULL DEFAULT 0,
            sample_rate INTEGER NOT NULL DEFAULT 0, channels INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (occurrence_id, position));
        CREATE TABLE IF NOT EXISTS relay_sources (id INTEGER PRIMARY KEY, name TEXT NOT NULL, url TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS airtime_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, occurrence_id INTEGER NOT NULL, position INTEGER NOT NULL,
            record_json TEXT NOT NULL, added_at TEXT NOT NULL, refused_code TEXT NULL, refused_message TEXT NULL, UNIQUE (occurrence_id, position));
        CREATE TABLE IF NOT EXISTS airing_state (occurrence_id INTEGER PRIMARY KEY, state TEXT NOT NULL, changed_at TEXT NOT NULL,
            progress_position INTEGER NULL, progress_item_started_at TEXT NULL, progress_at TEXT NULL, resume_count INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS airtime_log (id INTEGER PRIMARY KEY AUTOINCREMENT, occurrence_id INTEGER NOT NULL, position INTEGER NOT NULL,
            record_json TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (occurrence_id, position));
        CREATE TABLE IF NOT EXISTS recording_uploads (occurrence_id INTEGER NOT NULL, position INTEGER NOT NULL, path TEXT NOT NULL,
            added_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL, refused_code TEXT NULL,
            refused_message TEXT NULL, PRIMARY KEY (occurrence_id, position));
        """;

    // Columns added after the first agents shipped: CREATE TABLE IF NOT EXISTS leaves an older table as it was.
    private static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("rundown_items", "frames", "INTEGER NOT NULL DEFAULT 0"),
        ("rundown_items", "sample_rate", "INTEGER NOT NULL DEFAULT 0"),
        ("rundown_items", "channels", "INTEGER NOT NULL DEFAULT 0"),
        ("rundown_items", "relay_source_id", "INTEGER NULL"),
        ("rundown_items", "relay_seconds", "REAL NULL"),
    ];

    private readonly string _connectionString;

    /// <summary>Creates the folder and the schema when missing.</summary>
    public LocalDatabase(string dataPath)
    {
        Directory.CreateDirectory(dataPath);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataPath, "station.db"), Pooling = true }.ToString();
        using var connection = Open();
        connection.Execute("PRAGMA journal_mode = WAL;");
        connection.Execute(Schema + EvergreenStore.Schema);
        foreach (var (table, column, definition) in AddedColumns)
            if (!connection.Query<string>($"SELECT name FROM pragma_table_info('{table}')").Contains(column))
                connection.Execute($"ALTER TABLE {table} ADD COLUMN {column} {definition}");
    }

    /// <summary>An open connection with foreign keys on and a 10 s busy timeout.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.Execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;");
        return connection;
    }
}
