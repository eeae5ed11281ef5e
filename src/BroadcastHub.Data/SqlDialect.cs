using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BroadcastHub.Data;

/// <summary>What differs between the engines beyond the SQL text itself: write transactions, locks, error codes.</summary>
public sealed class SqlDialect
{
    private SqlDialect(DatabaseProvider provider) => Provider = provider;

    /// <summary>SQLite.</summary>
    public static SqlDialect Sqlite { get; } = new(DatabaseProvider.Sqlite);

    /// <summary>PostgreSQL.</summary>
    public static SqlDialect Postgres { get; } = new(DatabaseProvider.Postgres);

    /// <summary>The engine.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>True on PostgreSQL.</summary>
    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// Begins a write transaction: on SQLite <c>BEGIN IMMEDIATE</c> (the write lock is taken now, not at the first
    /// write); on PostgreSQL an ordinary transaction (rows lock themselves; serialise with <see cref="Serialise"/>).
    /// </summary>
    public DbTransaction BeginWrite(DbConnection connection) =>
        connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: false) : connection.BeginTransaction();

    /// <summary>
    /// Serialises transactions that take the same <paramref name="lockKey"/> until they end. SQLite has one writer at a
    /// time already; PostgreSQL takes a transaction-level advisory lock, shared by every node on the database.
    /// </summary>
    public void Serialise(IDbConnection connection, IDbTransaction transaction, long lockKey)
    {
        if (IsPostgres) connection.Execute("SELECT pg_advisory_xact_lock(@lockKey)", new { lockKey }, transaction);
    }

    /// <summary>
    /// "<paramref name="column"/> is one of the list <paramref name="listParameter"/>": SQLite's <c>IN @list</c>, which
    /// Dapper expands; PostgreSQL's <c>= ANY(@list)</c>, one array parameter (Dapper passes arrays to Npgsql whole).
    /// </summary>
    public string In(string column, string listParameter) =>
        IsPostgres ? $"{column} = ANY({listParameter})" : $"{column} IN {listParameter}";

    /// <summary>True when <paramref name="error"/> is a violated unique key.</summary>
    public static bool IsUniqueViolation(Exception error) => error switch
    {
        SqliteException e => e.SqliteErrorCode == 19 && e.Message.Contains("UNIQUE", StringComparison.Ordinal),
        PostgresException e => e.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// True when <paramref name="error"/> means the PostgreSQL server cannot be reached or refuses connections now (network
    /// failure, shut down, restarting, too many connections, connections disallowed): a request should get 503 and the
    /// next one may succeed, since Npgsql's pool opens fresh connections once the server is back.
    /// </summary>
    public static bool IsConnectionLost(Exception error) => error switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal)
            || p.SqlState is "57P01" or "57P02" or "57P03" or "53300" or "55000" or "3D000",
        NpgsqlException => true,
        _ => error.InnerException is { } inner && IsConnectionLost(inner),
    };

    /// <summary>True when <paramref name="error"/> comes from the database engine (unreachable, locked, refused).</summary>
    public static bool IsDatabaseError(Exception error) => error is SqliteException or NpgsqlException;
}
