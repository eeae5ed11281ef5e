using Npgsql;

namespace BroadcastHub.Web.Tests.Postgres;

/// <summary>
/// A fresh, empty PostgreSQL database on the cluster of <c>BROADCASTHUB_TEST_POSTGRES</c> (.ci/run, tests/postgres.sh),
/// dropped afterwards. In CI (<c>CI=true</c>) a missing variable fails loudly; elsewhere <see cref="PostgresFactAttribute"/> skips.
/// </summary>
public sealed class TestPostgresDatabase : IDisposable
{
    public const string Variable = "BROADCASTHUB_TEST_POSTGRES";

    private readonly string _admin;

    public TestPostgresDatabase()
    {
        _admin = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException($"{Variable} is not set: CI must start a PostgreSQL cluster (tests/postgres.sh start)");
        Name = "bh_w_" + Guid.NewGuid().ToString("N")[..16];
        Admin($"CREATE DATABASE {Name} TEMPLATE template0 ENCODING 'UTF8'");
        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = Name }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    /// <summary>Why PostgreSQL tests are skipped on this machine, or null when they run (or must fail, in CI).</summary>
    public static string? SkipReason =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 }
        || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"PostgreSQL tests skipped: {Variable} is not set (run: eval \"$(tests/postgres.sh start)\")";

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Admin($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private void Admin(string sql)
    {
        using var c = new NpgsqlConnection(_admin);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        command.ExecuteNonQuery();
    }
}

/// <summary>A test that needs PostgreSQL: skipped with the reason on a developer machine without it, run (or failed) in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgresDatabase.SkipReason is { } reason) Skip = reason;
    }
}
