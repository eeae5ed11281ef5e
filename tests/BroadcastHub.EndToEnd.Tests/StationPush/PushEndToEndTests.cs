using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using BroadcastHub.Web.Tests.EndToEnd;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.StationPush;

/// <summary>
/// A real hub process and a real agent process (separate data folders) with polling at one hour: what reaches the agent
/// within seconds came through the push channel <c>/api/station/push</c>.
/// </summary>
public sealed class PushEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ChangeBudget = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_booking_on_the_hub_is_in_the_agents_local_database_within_5_s()
    {
        await using var hub = await StartHubAsync();
        var station = await PushStation.CreateAsync(hub);
        await using var agent = await AgentProcess.StartAsync(hub.Http.BaseAddress!, station.Token);
        try
        {
            Assert.Equal(0, (await agent.HealthAsync()).GetProperty("occurrencesCached").GetInt32());

            var watch = Stopwatch.StartNew();
            await station.BookAsync(hub);
            await agent.WaitForAsync(h => h.GetProperty("occurrencesCached").GetInt32() == 2, TimeSpan.FromSeconds(30), "two occurrences stored");

            Assert.True(watch.Elapsed <= ChangeBudget, $"the booking reached the agent after {watch.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            output.WriteLine(agent.Output);
        }
    }

    [Fact]
    public async Task A_revoked_token_closes_the_push_connection_and_is_refused_from_then_on()
    {
        await using var hub = await StartHubAsync();
        var station = await PushStation.CreateAsync(hub);
        await using var agent = await AgentProcess.StartAsync(hub.Http.BaseAddress!, station.Token);

        (await hub.Http.DeleteAsync($"/api/stations/{station.StationId}/enrol")).EnsureSuccessStatusCode();
        var cut = await agent.WaitForAsync(h => h.GetProperty("push").GetString() == "disconnected"
            && h.GetProperty("pushError").GetString()!.Contains("refused", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "push refused");

        output.WriteLine($"cut and refused after {cut.TotalSeconds:0.0} s");
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/api/station/push/negotiate?negotiateVersion=1");
        negotiate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", station.Token);
        using var anonymous = new HttpClient { BaseAddress = hub.Http.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(negotiate)).StatusCode);
        Assert.Contains("revoked", agent.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_emergency_and_a_stop_reach_the_connected_agent_and_an_agent_gone_is_listed_not_aired()
    {
        await using var hub = await StartHubAsync();
        var station = await PushStation.CreateAsync(hub);
        var agent = await AgentProcess.StartAsync(hub.Http.BaseAddress!, station.Token);
        try
        {
            var answer = await station.EmergencyAsync(hub);
            var occurrenceId = Assert.Single(answer.GetProperty("occurrences").EnumerateArray()).GetProperty("id").GetInt64();
            Assert.Empty(answer.GetProperty("notAired").EnumerateArray());
            await agent.WaitForOutputAsync($"Emergency occurrence {occurrenceId} for zone {station.ZoneId} received", TimeSpan.FromSeconds(3));

            var stop = await hub.Http.PostAsync($"/api/zones/{station.ZoneId}/stop", null);
            Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
            await agent.WaitForOutputAsync($"Stop for zone {station.ZoneId} received", TimeSpan.FromSeconds(3));
        }
        finally
        {
            output.WriteLine(agent.Output);
            await agent.DisposeAsync();
        }

        // The agent is gone (its connection closed); it was heard from a moment ago, so it is "unreachable", not queued.
        var after = await RetryUntilAsync(async () => await station.EmergencyAsync(hub), a => a.GetProperty("notAired").GetArrayLength() == 1);
        Assert.Empty(after.GetProperty("occurrences").EnumerateArray());
        Assert.Equal("agent_unreachable", after.GetProperty("notAired")[0].GetProperty("error").GetString());
    }

    private static async Task<AppProcess> StartHubAsync()
    {
        var hub = new AppProcess();
        await hub.StartAsync();
        await hub.SignInAsync();
        return hub;
    }

    private static async Task<System.Text.Json.JsonElement> RetryUntilAsync(Func<Task<System.Text.Json.JsonElement>> call,
        Func<System.Text.Json.JsonElement, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var result = await call();
            if (done(result) || deadline.Elapsed > TimeSpan.FromSeconds(10)) return result;
            await Task.Delay(200);
        }
    }
}
