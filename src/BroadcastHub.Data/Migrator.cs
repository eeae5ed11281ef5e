using System.Data.Common;
using System.Reflection;
using Dapper;

namespace BroadcastHub.Data;

/// <summary>
/// Applies the numbered SQL files embedded in this assembly for the database's dialect (<c>Migrations/*.sql</c> for
/// SQLite, <c>Migrations/postgres/*.sql</c> for PostgreSQL), each once, in order, in its own transaction.
/// </summary>
public static class Migrator
{
    private const string Ledger = "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)";

    /// <summary>
    /// Brings <paramref name="database"/> up to date (SQLite: and switches it to WAL mode). On PostgreSQL the whole run
    /// holds an advisory lock, so several nodes starting at the same moment apply each migration once.
    /// Returns the migrations applied.
    /// </summary>
    public static IReadOnlyList<string> Migrate(AppDatabase database)
    {
        if (!database.Dialect.IsPostgres) Directory.CreateDirectory(Path.GetDirectoryName(database.Path)!);
        using var connection = database.Open();
        if (database.Dialect.IsPostgres)
        {
            connection.Execute("SELECT pg_advisory_lock(@key)", new { key = LockKeys.Migrations });
            try
            {
                var done = Apply(connection, database.Dialect);
                connection.Execute(PostgresChangeCounter.Install);
                return done;
            }
            finally
            {
                connection.Execute("SELECT pg_advisory_unlock(@key)", new { key = LockKeys.Migrations });
            }
        }
        connection.Execute("PRAGMA journal_mode = WAL;");
        return Apply(connection, database.Dialect);
    }

    /// <summary>The names of the migrations for <paramref name="dialect"/>, in order.</summary>
    public static IReadOnlyList<string> Names(SqlDialect dialect) => EmbeddedMigrations(dialect).Select(m => m.Name).ToList();

    private static List<string> Apply(DbConnection connection, SqlDialect dialect)
    {
        connection.Execute(Ledger);
        var applied = connection.Query<string>("SELECT name FROM schema_migrations").ToHashSet();
        var done = new List<string>();
        foreach (var (name, sql) in EmbeddedMigrations(dialect))
        {
            if (applied.Contains(name)) continue;
            using var transaction = dialect.BeginWrite(connection);
            // Another process may have applied it since the list was read (SQLite has no advisory lock; the write lock is held now).
            if (connection.ExecuteScalar<long>("SELECT count(*) FROM schema_migrations WHERE name = @name", new { name }, transaction) > 0) continue;
            connection.Execute(sql, transaction: transaction);
            connection.Execute("INSERT INTO schema_migrations (name, applied_at) VALUES (@name, " + (dialect.IsPostgres
                ? """to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))"""
                : "strftime('%Y-%m-%dT%H:%M:%fZ','now'))"), new { name }, transaction);
            transaction.Commit();
            done.Add(name);
        }
        return done;
    }

    private static IEnumerable<(string Name, string Sql)> EmbeddedMigrations(SqlDialect dialect)
    {
        var folder = dialect.IsPostgres ? ".Migrations.postgres." : ".Migrations.";
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var resource in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            var at = resource.IndexOf(folder, StringComparison.Ordinal);
            if (at < 0 || !resource.EndsWith(".sql", StringComparison.Ordinal)) continue;
            var name = resource[(at + folder.Length)..];
            if (name.Contains('.', StringComparison.Ordinal) && name.IndexOf('.') != name.LastIndexOf('.')) continue;   // a subfolder's file
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (name, reader.ReadToEnd());
        }
    }
}
