using System.Reflection;
using Dapper;

namespace BroadcastHub.Data;

/// <summary>Applies the numbered SQL files embedded in this assembly, each once, in order, in its own transaction.</summary>
public static class Migrator
{
    /// <summary>Brings <paramref name="database"/> up to date and switches it to WAL mode. Returns the migrations applied.</summary>
    public static IReadOnlyList<string> Migrate(AppDatabase database)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(database.Path)!);
        using var connection = database.Open();
        connection.Execute("PRAGMA journal_mode = WAL;");
        connection.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
        var applied = connection.Query<string>("SELECT name FROM schema_migrations").ToHashSet();
        var done = new List<string>();
        foreach (var (name, sql) in EmbeddedMigrations())
        {
            if (applied.Contains(name)) continue;
            using var transaction = connection.BeginTransaction();
            connection.Execute(sql, transaction: transaction);
            connection.Execute("INSERT INTO schema_migrations (name, applied_at) VALUES (@name, strftime('%Y-%m-%dT%H:%M:%fZ','now'))",
                new { name }, transaction);
            transaction.Commit();
            done.Add(name);
        }
        return done;
    }

    private static IEnumerable<(string Name, string Sql)> EmbeddedMigrations()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql")).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var name = resource[(resource.IndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..];
            yield return (name, reader.ReadToEnd());
        }
    }
}
