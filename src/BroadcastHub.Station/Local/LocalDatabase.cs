using Dapper;
using Microsoft.Data.Sqlite;

namespace BroadcastHub.Station.Local;

/// <summary>
/// The agent's own SQLite file (<c>DataPath/station.db</c>): the manifest window it airs from and the airtime outbox.
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
            not_before_seconds REAL NULL, booking_id INTEGER NULL, fill TEXT NULL, PRIMARY KEY (occurrence_id, position));
        CREATE TABLE IF NOT EXISTS airtime_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, occurrence_id INTEGER NOT NULL, position INTEGER NOT NULL,
            record_json TEXT NOT NULL, added_at TEXT NOT NULL, refused_code TEXT NULL, refused_message TEXT NULL, UNIQUE (occurrence_id, position));
        """;

    private readonly string _connectionString;

    /// <summary>Creates the folder and the schema when missing.</summary>
    public LocalDatabase(string dataPath)
    {
        Directory.CreateDirectory(dataPath);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataPath, "station.db"), Pooling = true }.ToString();
        using var connection = Open();
        connection.Execute("PRAGMA journal_mode = WAL;");
        connection.Execute(Schema);
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
