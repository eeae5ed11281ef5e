using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Stations;

/// <summary>Heartbeats: what the agent reports appears per station on <c>GET /api/stations</c>.</summary>
[Collection(AppCollection.Name)]
public sealed class StationHeartbeatTests(AppFactory app)
{
    [Fact]
    public async Task A_heartbeat_shows_on_the_stations_list_as_an_online_agent_with_its_clock_offset_cache_and_outputs()
    {
        using var admin = await app.CreateApiClientAsync();
        var s = await StationAgentWorld.EnrolAsync(app, admin);
        var before = await StationAsync(admin, s.StationId);
        Assert.Equal("agent", before.GetProperty("mode").GetString());
        Assert.False(before.GetProperty("online").GetBoolean());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("lastSeenAt").ValueKind);

        using var station = StationAgentWorld.Client(app, s.Token);
        var cacheReadyUntil = new DateTimeOffset(2099, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var beat = await station.PostAsJsonAsync("/api/station/heartbeat", new
        {
            agentVersion = "1.2.3", clockUtc = DateTimeOffset.UtcNow.AddSeconds(2), ntpSynchronized = true, cacheReadyUntil, pendingAirtime = 4,
            zones = new[] { new { zoneId = s.Occurrence.ZoneId, outputState = "open" } },
        });
        Assert.Equal(HttpStatusCode.OK, beat.StatusCode);
        var offset = (await beat.JsonAsync()).GetProperty("clockOffsetMs").GetInt64();
        Assert.InRange(offset, 1000, 3000);

        var after = await StationAsync(admin, s.StationId);
        Assert.True(after.GetProperty("online").GetBoolean());
        Assert.Equal(offset, after.GetProperty("clockOffsetMs").GetInt64());
        Assert.Equal("1.2.3", after.GetProperty("agentVersion").GetString());
        Assert.Equal(4, after.GetProperty("pendingAirtime").GetInt64());
        Assert.Equal(cacheReadyUntil, after.GetProperty("cacheReadyUntil").GetDateTimeOffset());
        Assert.True(after.GetProperty("ntpSynchronized").GetBoolean());
        Assert.True(Math.Abs((after.GetProperty("lastSeenAt").GetDateTimeOffset() - DateTimeOffset.UtcNow).TotalSeconds) < 30);
        Assert.Equal("open", after.GetProperty("zones").EnumerateArray().Single().GetProperty("reportedOutputState").GetString());
        var main = await StationAsync(admin, 1);
        Assert.Equal("embedded", main.GetProperty("mode").GetString());

        Assert.Equal("clock_required", await (await station.PostAsJsonAsync("/api/station/heartbeat", new { agentVersion = "1" })).ErrorCodeAsync());
        Assert.Equal("1.2.3", (await StationAsync(admin, s.StationId)).GetProperty("agentVersion").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/stations/{s.StationId}/enrol")).StatusCode);
        Assert.Equal("embedded", (await StationAsync(admin, s.StationId)).GetProperty("mode").GetString());
    }

    private static async Task<JsonElement> StationAsync(HttpClient admin, long id) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/stations")).EnumerateArray().Single(x => x.GetProperty("id").GetInt64() == id);
}
