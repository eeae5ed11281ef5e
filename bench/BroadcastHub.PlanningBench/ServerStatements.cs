using Npgsql;

namespace BroadcastHub.PlanningBench;

/// <summary>
/// The statements the bench database's backends spent most time in, per measured step, from <c>pg_stat_statements</c>
/// when the server loads it (<c>shared_preload_libraries</c>; the throw-away cluster of the tests does not, so this is
/// printed only on a server set up for profiling). Nested statements (the foreign-key checks' queries, a trigger's
/// statements) are counted as the server reports them, besides the statement that fired them.
/// </summary>
internal sealed class ServerStatements
{
    private readonly string _admin;
    private readonly string _database;
    private Dictionary<string, (long Calls, double Ms)> _last;

    private ServerStatements(string admin, string database)
    {
        (_admin, _database) = (admin, database);
        _last = Read();
    }

    /// <summary>The reader, or null when the server has no <c>pg_stat_statements</c> loaded.</summary>
    public static ServerStatements? TryCreate(string admin, string database)
    {
        try
        {
            using (var c = new NpgsqlConnection(admin))
            {
                c.Open();
                using var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()", c);
                create.ExecuteNonQuery();
            }
            return new ServerStatements(admin, database);
        }
        catch (PostgresException)
        {
            return null;
        }
    }

    /// <summary>The <paramref name="top"/> statements by time since the last call: calls, milliseconds, the text's start.</summary>
    public IReadOnlyList<(string Text, long Calls, double Ms)> Since(int top = 6)
    {
        var now = Read();
        var delta = now.Select(s => (Text: s.Key, Calls: s.Value.Calls - _last.GetValueOrDefault(s.Key).Calls, Ms: s.Value.Ms - _last.GetValueOrDefault(s.Key).Ms))
            .Where(s => s.Calls > 0).OrderByDescending(s => s.Ms).Take(top).ToList();
        _last = now;
        return delta;
    }

    private Dictionary<string, (long Calls, double Ms)> Read()
    {
        using var c = new NpgsqlConnection(_admin);
        c.Open();
        using var command = new NpgsqlCommand("""
            SELECT left(regexp_replace(s.query, '\s+', ' ', 'g'), 90), sum(s.calls)::bigint, sum(s.total_exec_time)
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname = @database GROUP BY 1
            """, c);
        command.Parameters.AddWithValue("database", _database);
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, (long Calls, double Ms)>();
        while (reader.Read()) result[reader.GetString(0)] = (reader.GetInt64(1), reader.GetDouble(2));
        return result;
    }
}
