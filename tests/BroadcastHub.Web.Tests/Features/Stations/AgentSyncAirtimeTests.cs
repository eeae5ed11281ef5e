using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Stations;

/// <summary>The agent's heartbeat and airtime outbox against the real hub.</summary>
[Collection(AppCollection.Name)]
public sealed class AgentSyncAirtimeTests(AppFactory app)
{
    [Fact]
    public async Task The_agents_heartbeat_shows_on_the_stations_list_online_with_clock_offset_cache_coverage_and_pending_airtime()
    {
        using var admin = await app.CreateApiClientAsync();
        var s = await StationAgentWorld.EnrolAsync(app, admin);
        using var agent = AgentSyncHarness.ForHub(app, s.Token);
        var synced = await agent.Sync.SyncOnceAsync(default);
        Assert.True(agent.Outbox.Add(AgentSyncHarness.Record(s, 0)));

        await agent.Heartbeat.SendAsync(default);

        var listed = await StationAsync(admin, s.StationId);
        Assert.True(listed.GetProperty("online").GetBoolean());
        Assert.InRange(listed.GetProperty("clockOffsetMs").GetInt64(), -1000, 1000);
        Assert.Equal(synced.CacheReadyUntil, listed.GetProperty("cacheReadyUntil").GetDateTimeOffset());
        Assert.Equal(1, listed.GetProperty("pendingAirtime").GetInt64());
        Assert.Equal("unknown", listed.GetProperty("zones").EnumerateArray().Single().GetProperty("reportedOutputState").GetString());
        Assert.InRange(agent.Status.Snapshot().ClockOffsetMs!.Value, -1000, 1000);
    }

    [Fact]
    public async Task Outbox_records_reach_the_hubs_airtime_exactly_once_even_when_uploaded_twice()
    {
        using var admin = await app.CreateApiClientAsync();
        var s = await StationAgentWorld.EnrolAsync(app, admin);
        using var agent = AgentSyncHarness.ForHub(app, s.Token);
        agent.Outbox.Add(AgentSyncHarness.Record(s, 0));
        agent.Outbox.Add(AgentSyncHarness.Record(s, 1));

        Assert.Equal(2, await agent.Uploader.UploadPendingAsync(default));
        Assert.Equal(0, agent.Outbox.PendingCount());
        // The hub's 200 was lost: the agent still had them and sends them again.
        agent.Outbox.Add(AgentSyncHarness.Record(s, 0));
        agent.Outbox.Add(AgentSyncHarness.Record(s, 1));
        Assert.Equal(2, await agent.Uploader.UploadPendingAsync(default));

        Assert.Equal(0, agent.Outbox.PendingCount());
        var date = s.Occurrence.LocalDate.ToString("yyyy-MM-dd");
        var records = (await admin.GetFromJsonAsync<JsonElement>($"/api/airtime?from={date}&to={date}&communeId={s.Occurrence.CommuneId}"))
            .EnumerateArray().Where(r => r.GetProperty("occurrenceId").GetInt64() == s.Occurrence.Id).ToList();
        Assert.Equal([0, 1], records.Select(r => r.GetProperty("position").GetInt32()).Order());
        Assert.All(records, r => Assert.Equal(s.StationId, r.GetProperty("stationId").GetInt64()));
    }

    [Fact]
    public async Task An_altered_record_the_hub_refuses_as_a_conflict_stays_in_the_outbox_and_raises_an_error_on_health()
    {
        using var admin = await app.CreateApiClientAsync();
        var s = await StationAgentWorld.EnrolAsync(app, admin);
        using var agent = AgentSyncHarness.ForHub(app, s.Token);
        agent.Outbox.Add(AgentSyncHarness.Record(s, 0));
        await agent.Uploader.UploadPendingAsync(default);

        agent.Outbox.Add(AgentSyncHarness.Record(s, 0, played: 0.5));
        agent.Outbox.Add(AgentSyncHarness.Record(s, 1));
        Assert.Equal(1, await agent.Uploader.UploadPendingAsync(default));

        Assert.Equal(1, agent.Outbox.PendingCount());
        var error = agent.Status.Snapshot().AirtimeError!;
        Assert.Equal("airtime_conflict", error.Code);
        Assert.Equal(1, error.Refused);
        Assert.Equal(0, await agent.Uploader.UploadPendingAsync(default));
        Assert.Equal(1, agent.Outbox.PendingCount());
    }

    private static async Task<JsonElement> StationAsync(HttpClient admin, long id) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/stations")).EnumerateArray().Single(x => x.GetProperty("id").GetInt64() == id);
}
