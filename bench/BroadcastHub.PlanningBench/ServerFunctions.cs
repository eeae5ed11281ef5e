using Npgsql;

namespace BroadcastHub.PlanningBench;

/// <summary>
/// Time PostgreSQL spent in the app's trigger functions (the occurrence tally's and the change counter's; each one's own
/// time, not that of the triggers it fires), from <c>pg_stat_user_functions</c> (the bench database is created with <c>track_functions = 'pl'</c>). Backends report
/// their counts when idle or when they exit, so the pools are cleared before each reading.
/// </summary>
internal sealed class ServerFunctions
{
    private readonly string _connectionString;
    private Dictionary<string, (long Calls, double Ms)> _last;

    public ServerFunctions(string connectionString)
    {
        _connectionString = connectionString;
        _last = Read(connectionString);
    }

    /// <summary>Each function's calls and milliseconds since the last call (functions not called left out).</summary>
    public IReadOnlyList<(string Name, long Calls, double Ms)> Since()
    {
        var now = Read(_connectionString);
        var delta = now.Select(f => (Name: f.Key, Calls: f.Value.Calls - _last.GetValueOrDefault(f.Key).Calls, Ms: f.Value.Ms - _last.GetValueOrDefault(f.Key).Ms))
            .Where(f => f.Calls > 0).OrderByDescending(f => f.Ms).ToList();
        _last = now;
        return delta;
    }

    private static Dictionary<string, (long Calls, double Ms)> Read(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        Thread.Sleep(500);   // the closed backends report on exit
        using var c = new NpgsqlConnection(connectionString);
        c.Open();
        using var command = new NpgsqlCommand("SELECT funcname, calls, self_time FROM pg_stat_user_functions WHERE funcname LIKE 'bh\\_%'", c);
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, (long Calls, double Ms)>();
        while (reader.Read()) result[reader.GetString(0)] = (reader.GetInt64(1), reader.GetDouble(2));
        return result;
    }
}
