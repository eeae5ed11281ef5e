using Microsoft.Data.Sqlite;

namespace BroadcastHub.Data;

/// <summary>
/// A number that changes whenever any connection — of this process or another, such as a second station PC —
/// commits a change to the database. It is SQLite's <c>PRAGMA data_version</c> read on one dedicated connection
/// that never writes, so every commit is "another connection's" and moves it.
/// </summary>
public sealed class DataVersion(string connectionString) : IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _probe;
    private SqliteCommand? _pragma;

    /// <summary>The current version; equal values mean nothing was committed in between.</summary>
    public long Current()
    {
        lock (_gate)
        {
            if (_pragma is null)
            {
                _probe = new SqliteConnection(connectionString);
                _probe.Open();
                _pragma = _probe.CreateCommand();
                _pragma.CommandText = "PRAGMA data_version";
                _pragma.Prepare();
            }
            return (long)_pragma.ExecuteScalar()!;
        }
    }

    /// <summary>Closes the probe connection.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _pragma?.Dispose();
            _probe?.Dispose();
        }
    }
}
