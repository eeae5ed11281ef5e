using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.EndToEnd;
using Dapper;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.Postgres;

/// <summary>
/// Issue 11: a hub node killed with <c>kill -9</c> while it airs leaves one PostgreSQL database that the surviving
/// node's next recurring plan keeps consistent: no duplicate occurrence, no orphan rundown row, an intact airtime chain.
/// </summary>
public sealed class NodeCrashTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task A_node_killed_while_airing_leaves_a_consistent_database_after_the_other_nodes_next_plan()
    {
        await using var nodes = new TwoNodes();
        await nodes.StartAsync();
        try
        {
            var (occurrenceId, _) = await TwoNodes.BookSoonAsync(nodes.One, TimeSpan.FromSeconds(15));
            var airing = await NodeAiring(nodes, TimeSpan.FromSeconds(60));
            await airing.KillAsync();
            var survivor = airing == nodes.One ? nodes.Two : nodes.One;
            DateTime killedAt;
            using (var c = nodes.Database.Open()) killedAt = c.ExecuteScalar<DateTime>("SELECT now()");

            await WaitForPlanAfter(nodes, killedAt, TimeSpan.FromSeconds(150));
            Assert.False(survivor.Output.Contains("Unhandled exception", StringComparison.Ordinal), survivor.Output);

            using var db = nodes.Database.Open();
            Assert.Equal(0, db.ExecuteScalar<long>("""
                SELECT count(*) FROM (SELECT session_id, local_date, kind FROM occurrences WHERE session_id IS NOT NULL
                                      GROUP BY session_id, local_date, kind HAVING count(*) > 1) d
                """));
            Assert.Equal(0, db.ExecuteScalar<long>(
                "SELECT count(*) FROM rundown_items r LEFT JOIN occurrences o ON o.id = r.occurrence_id WHERE o.id IS NULL"));
            Assert.Equal(1, db.ExecuteScalar<long>("SELECT count(*) FROM rundown_items WHERE occurrence_id = @occurrenceId", new { occurrenceId }));
            Assert.True(db.ExecuteScalar<long>("SELECT count(*) FROM airtime WHERE occurrence_id = @occurrenceId", new { occurrenceId }) <= 1);
            Assert.True(new AirtimeRepository(nodes.Database).Verify().Intact);
            Assert.True((await survivor.Http.GetAsync("/health")).IsSuccessStatusCode);
        }
        finally
        {
            output.WriteLine(nodes.Output);
        }
    }

    /// <summary>The node whose <c>air/</c> folder gets the recording first: the one airing the occurrence.</summary>
    private static async Task<AppProcess> NodeAiring(TwoNodes nodes, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var node in nodes.Both)
                if (Directory.Exists(Path.Combine(node.DataPath, "air"))
                    && Directory.EnumerateFiles(Path.Combine(node.DataPath, "air"), "*.wav", SearchOption.AllDirectories).Any())
                    return node;
            await Task.Delay(100);
        }
        throw new TimeoutException("Neither node started airing:\n" + nodes.Output);
    }

    private static async Task WaitForPlanAfter(TwoNodes nodes, DateTime utc, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            using (var c = nodes.Database.Open())
                if (c.ExecuteScalar<long>("""
                        SELECT count(*) FROM hangfire.job
                        WHERE invocationdata::text LIKE '%PlanHorizonJob%' AND statename = 'Succeeded' AND createdat > @utc
                        """, new { utc }) > 0) return;
            await Task.Delay(1000);
        }
        throw new TimeoutException("The surviving node did not run the recurring planner:\n" + nodes.Output);
    }
}
