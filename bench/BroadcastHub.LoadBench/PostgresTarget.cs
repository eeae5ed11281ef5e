using Npgsql;

namespace BroadcastHub.LoadBench;

/// <summary>A fresh PostgreSQL database for the hub nodes of one run, on the server of <c>--postgres</c>; dropped on dispose.</summary>
public sealed class PostgresTarget : IDisposable
{
    private readonly string _server;

    private PostgresTarget(string server, string name)
    {
        (_server, Name) = (server, name);
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static PostgresTarget Create(string server)
    {
        var target = new PostgresTarget(server, "bh_loadbench_" + Guid.NewGuid().ToString("N")[..10]);
        target.Admin($"CREATE DATABASE {target.Name} TEMPLATE template0 ENCODING 'UTF8'");
        return target;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Admin($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private void Admin(string sql)
    {
        using var c = new NpgsqlConnection(_server);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        command.ExecuteNonQuery();
    }
}
