using System.Diagnostics;
using System.Net;
using BroadcastHub.Web.Tests.Postgres;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.StationPush;

/// <summary>
/// Two real hub nodes on one PostgreSQL database (issue 11) and a real agent connected to node one: what is done through
/// node two reaches it through the <c>LISTEN/NOTIFY</c> backplane.
/// </summary>
public sealed class PushBackplaneTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task A_booking_an_emergency_and_a_stop_made_on_node_two_reach_an_agent_connected_to_node_one()
    {
        await using var nodes = new TwoNodes();
        await nodes.StartAsync();
        var station = await PushStation.CreateAsync(nodes.One);
        await using var agent = await AgentProcess.StartAsync(nodes.One.Http.BaseAddress!, station.Token);
        try
        {
            var watch = Stopwatch.StartNew();
            await station.BookAsync(nodes.Two);
            await agent.WaitForAsync(h => h.GetProperty("occurrencesCached").GetInt32() == 2, TimeSpan.FromSeconds(30), "two occurrences stored");
            Assert.True(watch.Elapsed <= TimeSpan.FromSeconds(5), $"the booking made on node two reached the agent after {watch.Elapsed.TotalSeconds:0.0} s");

            var answer = await station.EmergencyAsync(nodes.Two);
            Assert.Empty(answer.GetProperty("notAired").EnumerateArray());
            var occurrenceId = Assert.Single(answer.GetProperty("occurrences").EnumerateArray()).GetProperty("id").GetInt64();
            await agent.WaitForOutputAsync($"Emergency occurrence {occurrenceId} for zone {station.ZoneId} received", TimeSpan.FromSeconds(3));

            Assert.Equal(HttpStatusCode.Accepted, (await nodes.Two.Http.PostAsync($"/api/zones/{station.ZoneId}/stop", null)).StatusCode);
            await agent.WaitForOutputAsync($"Stop for zone {station.ZoneId} received", TimeSpan.FromSeconds(3));
        }
        finally
        {
            output.WriteLine(agent.Output);
            output.WriteLine(nodes.Output);
        }
    }
}
