using Npgsql;

namespace BroadcastHub.PlanningBench;

/// <summary>
/// Where the benchmark's data lives: a temp SQLite folder (the default), or with <c>--postgres &lt;conn&gt;</c> a fresh
/// database created on that server for the app tables and Hangfire's schema (as a hub node on PostgreSQL), dropped at the end.
/// </summary>
internal sealed class BenchStore : IDisposable
{
    private readonly string? _admin;

    public BenchStore(string? postgresAdmin)
    {
        DataPath = Path.Combine(Path.GetTempPath(), "bh-planning-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(DataPath);
        if (postgresAdmin is null) return;
        _admin = postgresAdmin;
        var name = "bh_bench_" + Guid.NewGuid().ToString("N")[..12];
        Admin($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'");
        try
        {
            Admin($"ALTER DATABASE {name} SET track_functions = 'pl'");   // for ServerFunctions; a superuser's setting
        }
        catch (PostgresException)
        {
            // not a superuser: the trigger functions' times are not printed
        }
        PostgresConnectionString = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = name }.ConnectionString;
    }

    public string DataPath { get; }
    public string? PostgresConnectionString { get; }

    /// <summary>The configuration the app's service registration reads (provider and connection string).</summary>
    public Dictionary<string, string?> Settings => PostgresConnectionString is null
        ? new() { ["BroadcastHub:Database:Provider"] = "sqlite" }
        : new() { ["BroadcastHub:Database:Provider"] = "postgres", ["ConnectionStrings:BroadcastHub"] = PostgresConnectionString };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (PostgresConnectionString is not null)
            Admin($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(PostgresConnectionString).Database} WITH (FORCE)");
        Directory.Delete(DataPath, recursive: true);
    }

    private void Admin(string sql)
    {
        using var c = new NpgsqlConnection(_admin);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        command.ExecuteNonQuery();
    }
}
