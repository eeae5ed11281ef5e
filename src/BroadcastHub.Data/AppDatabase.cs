using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BroadcastHub.Data;

/// <summary>
/// The application database (the truth; Hangfire's storage is separate): a SQLite file, or a PostgreSQL database
/// shared by several hub nodes. Repositories open connections here and ask <see cref="Dialect"/> what differs.
/// </summary>
public sealed class AppDatabase
{
    static AppDatabase() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    private readonly string _connectionString;

    /// <summary>Creates the handle for the SQLite database at <paramref name="path"/>; nothing is opened yet.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="cacheReads">False runs every read against the file (benchmarks measure the queries, not the cache).</param>
    public AppDatabase(string path, bool cacheReads = true)
    {
        Path = System.IO.Path.GetFullPath(path);
        Dialect = SqlDialect.Sqlite;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        var probe = new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString();
        Version = new DataVersion(() => OpenSqlite(probe), "PRAGMA data_version");
        Cache = new ReadCache(Version, cacheReads);
    }

    private AppDatabase(string postgresConnectionString, bool cacheReads, SqlDialect dialect)
    {
        Path = "";
        Dialect = dialect;
        _connectionString = Tuned(postgresConnectionString);
        Version = new DataVersion(OpenPostgres, DataVersion.PostgresQuery, pooled: true, OpenPostgresAsync);
        Cache = new ReadCache(Version, cacheReads);
    }

    /// <summary>
    /// The connection string tuned for the app's many short statements, each only where the string does not say otherwise:
    /// <c>jit = off</c> (when a row estimate is far off — a recursive unit tree, an optional filter — the server compiled a
    /// month's compliance summary for 50–60 ms to run it in less); <c>No Reset On Close</c> (a pooled connection is not
    /// reset with <c>DISCARD ALL</c> each time it is returned: the web load bench sent one per connection use, ~40 % of all
    /// statements; the app keeps no session state — no <c>SET</c>, temporary tables or session locks left behind); and
    /// <c>Max Auto Prepare</c> (statements run often are prepared on each connection, so the server parses and plans them
    /// once instead of at every call).
    /// </summary>
    private static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
            builder.Options = ((builder.Options ?? "") + " -c jit=off").Trim();
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose")) builder.NoResetOnClose = true;
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare")) builder.MaxAutoPrepare = 100;
        return builder.ConnectionString;
    }

    /// <summary>Creates the handle for a PostgreSQL database (an Npgsql connection string); nothing is opened yet.</summary>
    public static AppDatabase Postgres(string connectionString, bool cacheReads = true) =>
        new(connectionString, cacheReads, SqlDialect.Postgres);

    /// <summary>What differs between the engines.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>Moves whenever anything is committed to this database (see <see cref="DataVersion"/>).</summary>
    public DataVersion Version { get; }

    /// <summary>Query results kept until the database changes.</summary>
    public ReadCache Cache { get; }

    /// <summary>Full path of the SQLite file; empty on PostgreSQL.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens a connection. SQLite: foreign keys on and a busy timeout, so concurrent writers wait instead of failing.
    /// </summary>
    public DbConnection Open()
    {
        DbConnection connection = Dialect.IsPostgres ? OpenPostgres() : OpenSqlite(_connectionString);
        Version.Track(connection);
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction; commits when it returns, rolls back when it throws.</summary>
    public T InTransaction<T>(Func<IDbConnection, IDbTransaction, T> work)
    {
        using var connection = Open();
        using var transaction = Dialect.BeginWrite(connection);
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    private static SqliteConnection OpenSqlite(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        connection.Execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;");
        return connection;
    }

    private async Task<DbConnection> OpenPostgresAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private NpgsqlConnection OpenPostgres()
    {
        var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
