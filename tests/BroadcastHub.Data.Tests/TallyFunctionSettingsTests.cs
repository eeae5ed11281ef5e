using Dapper;
using Npgsql;

namespace BroadcastHub.Data.Tests;

/// <summary>
/// Migration 0037: a trigger function that turns sequential scans off must also turn JIT off — otherwise every plan
/// inside it costs more than <c>jit_above_cost</c> and a one-row write is compiled by LLVM first on any connection
/// with JIT on (tens of milliseconds each; docs/performance.md).
/// </summary>
public abstract class TallyFunctionSettingsTests : IDisposable
{
    private readonly TempDatabase _db = new(DatabaseProvider.Postgres);

    public void Dispose() => _db.Dispose();

    [DbFact]
    public void Every_function_that_turns_sequential_scans_off_runs_without_jit()
    {
        using var c = new NpgsqlConnection(_db.ConnectionString);
        c.Open();
        var configs = c.Query<(string Name, string Config)>("""
            SELECT p.proname, p.proconfig::text FROM pg_proc p
            WHERE p.pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND p.proconfig IS NOT NULL
            """).ToList();
        var seqscanOff = configs.Where(f => f.Config.Contains("enable_seqscan=off", StringComparison.Ordinal)).ToList();
        Assert.Contains(seqscanOff, f => f.Name == "bh_tally_airtime_added");
        Assert.Contains(seqscanOff, f => f.Name == "bh_tally_items_added");
        Assert.All(seqscanOff, f => Assert.Contains("jit=off", f.Config, StringComparison.Ordinal));
    }

    /// <summary>On PostgreSQL (there is no JIT in SQLite).</summary>
    public sealed class OnPostgres() : TallyFunctionSettingsTests();
}
