using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.EndToEnd;
using BroadcastHub.Web.Tests.Support;
using Dapper;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.Postgres;

/// <summary>
/// Two real hub nodes on one PostgreSQL database (issue 11): Hangfire's shared storage makes the recurring planner
/// and each armed occurrence run on one node only, and neither node serves a stale read of the other's write.
/// </summary>
public sealed class MultiNodeTests(ITestOutputHelper output)
{
    private const string PlannerJobs =
        "SELECT createdat FROM hangfire.job WHERE invocationdata::text LIKE '%PlanHorizonJob%' ORDER BY createdat";

    [PostgresFact]
    public async Task A_write_through_node_one_is_read_at_once_through_node_twos_read_cache()
    {
        await using var nodes = new TwoNodes();
        await nodes.StartAsync();
        var communeId = (await AppProcess.JsonAsync(nodes.One.Http.PostAsJsonAsync("/api/communes", new { name = "Xã Lũng Cú" })))
            .GetProperty("id").GetInt64();
        for (var warm = 0; warm < 2; warm++)   // the cached lists are now in node two's read cache
        {
            Assert.Empty(await List(nodes.Two, $"/api/sessions?communeId={communeId}"));
            Assert.DoesNotContain(await List(nodes.Two, "/api/units"), u => u.GetProperty("name").GetString() == "Huyện Đồng Văn");
        }

        await AppProcess.JsonAsync(nodes.One.Http.PostAsJsonAsync("/api/sessions", new
        {
            communeId, weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = "05:30:00", lengthMinutes = 15,
        }));
        await AppProcess.JsonAsync(nodes.One.Http.PostAsJsonAsync("/api/units", new { name = "Huyện Đồng Văn" }));

        Assert.Single(await List(nodes.Two, $"/api/sessions?communeId={communeId}"));
        Assert.Contains(await List(nodes.Two, "/api/units"), u => u.GetProperty("name").GetString() == "Huyện Đồng Văn");
    }

    [PostgresFact]
    public async Task A_booked_occurrence_airs_once_across_two_nodes_and_the_planner_runs_once_a_minute()
    {
        await using var nodes = new TwoNodes();
        await nodes.StartAsync();
        try
        {
            var (occurrenceId, date) = await TwoNodes.BookSoonAsync(nodes.One, TimeSpan.FromSeconds(15));
            var deadline = DateTime.UtcNow.AddSeconds(150);
            List<DateTime> planned = [];
            while (DateTime.UtcNow < deadline)
            {
                using var c = nodes.Database.Open();
                planned = c.Query<DateTime>(PlannerJobs).ToList();
                if (planned.Count >= 2 && (await TwoNodes.AirtimeOf(nodes.Two, date, occurrenceId)).Count > 0) break;
                await Task.Delay(1000);
            }
            await Task.Delay(TimeSpan.FromSeconds(5));   // the losing node would air by now, if it were going to

            Assert.True(planned.Count >= 2, $"the recurring planner ran {planned.Count} times in 150 s");
            var minutes = planned.Select(t => t.ToString("yyyy-MM-dd HH:mm")).ToList();
            Assert.Equal(minutes.Distinct().Count(), minutes.Count);

            foreach (var node in nodes.Both)
                Assert.Equal("Completed", Assert.Single(await TwoNodes.AirtimeOf(node, date, occurrenceId)).GetProperty("outcome").GetString());
            Assert.Single(nodes.Recordings());
            using var db = nodes.Database.Open();
            Assert.Equal(1, db.ExecuteScalar<long>("SELECT count(*) FROM airtime WHERE occurrence_id = @occurrenceId", new { occurrenceId }));
            Assert.True(new AirtimeRepository(nodes.Database).Verify().Intact);
        }
        finally
        {
            output.WriteLine(nodes.Output);
        }
    }

    private static async Task<List<JsonElement>> List(AppProcess node, string path) =>
        (await node.Http.GetFromJsonAsync<JsonElement>(path)).EnumerateArray().ToList();
}
