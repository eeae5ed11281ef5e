using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BroadcastHub.Data;

/// <summary>The application's SQLite database file (the truth; Hangfire's storage is a separate file).</summary>
public sealed class AppDatabase
{
    static AppDatabase() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    private readonly string _connectionString;

    /// <summary>Creates the handle for the database at <paramref name="path"/>; nothing is opened yet.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="cacheReads">False runs every read against the file (benchmarks measure the queries, not the cache).</param>
    public AppDatabase(string path, bool cacheReads = true)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        Version = new DataVersion(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString());
        Cache = new ReadCache(Version, cacheReads);
    }

    /// <summary>Moves whenever anything is committed to this database (see <see cref="DataVersion"/>).</summary>
    public DataVersion Version { get; }

    /// <summary>Query results kept until the database changes.</summary>
    public ReadCache Cache { get; }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Opens a connection with foreign keys on and a busy timeout, so concurrent writers wait instead of failing.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.Execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;");
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction; commits when it returns, rolls back when it throws.</summary>
    public T InTransaction<T>(Func<IDbConnection, IDbTransaction, T> work)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }
}
