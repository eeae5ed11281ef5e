using Npgsql;

namespace BroadcastHub.Data.Tests;

/// <summary>
/// The PostgreSQL cluster the tests use: <c>BROADCASTHUB_TEST_POSTGRES</c> (set by <c>.ci/run</c> and by
/// <c>tests/postgres.sh start</c>). In CI (<c>CI=true</c>) a missing variable fails every PostgreSQL test loudly; on a
/// developer machine without it they are reported as skipped, with the reason, so the SQLite half still runs.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "BROADCASTHUB_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why PostgreSQL tests are skipped here, or null when they run (or must fail, in CI).</summary>
    public static string? SkipReason => ConnectionString is null && !InCi
        ? $"PostgreSQL tests skipped: {Variable} is not set (run: eval \"$(tests/postgres.sh start)\")"
        : null;

    private static string Admin => ConnectionString
        ?? throw new InvalidOperationException($"{Variable} is not set: CI must start a PostgreSQL cluster (tests/postgres.sh start)");

    /// <summary>Creates an empty database with a unique name and returns the name.</summary>
    public static string CreateDatabase()
    {
        var name = "bh_t_" + Guid.NewGuid().ToString("N")[..16];
        using var c = new NpgsqlConnection(Admin);
        c.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'", c);
        command.ExecuteNonQuery();
        return name;
    }

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(Admin) { Database = database }.ConnectionString;

    public static void DropDatabase(string name)
    {
        using var c = new NpgsqlConnection(Admin);
        c.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", c);
        command.ExecuteNonQuery();
    }
}
