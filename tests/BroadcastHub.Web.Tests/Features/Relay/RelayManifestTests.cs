extern alias station;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Web.Tests.Features.Stations;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using station::BroadcastHub.Station.Playout;

namespace BroadcastHub.Web.Tests.Features.Relay;

/// <summary>A relay booked on the hub reaches a station agent: the manifest carries it, the agent stores it, fetches no media for it.</summary>
[Collection(AppCollection.Name)]
public sealed class RelayManifestTests(AppFactory app)
{
    private static string Day(int offset) => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(offset).ToString("yyyy-MM-dd");

    [Fact]
    public async Task The_manifest_carries_the_relay_and_its_source_and_the_agent_stores_both()
    {
        using var admin = await app.CreateApiClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var commune = await StationAgentWorld.CommuneAsync(admin, "Xã trạm tiếp sóng " + suffix);
        var session = (await (await admin.PostAsJsonAsync("/api/sessions", new { communeId = commune, weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = "19:00:00", lengthMinutes = 30 }))
            .JsonAsync()).GetProperty("id").GetInt64();
        var url = $"https://radio.example/{suffix}/live.m3u8";
        var source = (await (await admin.PostAsJsonAsync("/api/relay-sources", new { name = "Đài tỉnh " + suffix, url })).JsonAsync()).GetProperty("id").GetInt64();
        var bulletin = await new PlayoutScenario(app).ApprovedToneAsync(1.0);
        await admin.PostAsJsonAsync("/api/bookings", new { sessionId = session, bulletinIds = new[] { bulletin.Id }, from = Day(1), to = Day(1) });
        var booked = await admin.PostAsJsonAsync("/api/bookings", new { sessionId = session, relay = new { sourceId = source, minutes = 15 }, from = Day(1), to = Day(1) });
        booked.EnsureSuccessStatusCode();
        var token = await StationAgentWorld.EnrolForCommuneAsync(app, admin, commune, "Trạm " + suffix);

        var manifest = await StationAgentWorld.ManifestAsync(app, token);
        var relaySource = manifest.GetProperty("relaySources").EnumerateArray().Single();
        Assert.Equal((source, url), (relaySource.GetProperty("id").GetInt64(), relaySource.GetProperty("url").GetString()));
        var items = manifest.GetProperty("occurrences").EnumerateArray().Single().GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        var relay = items[1];
        Assert.Equal((0L, "", 900.0), (relay.GetProperty("bulletinId").GetInt64(), relay.GetProperty("sha256").GetString(), relay.GetProperty("durationSeconds").GetDouble()));
        Assert.Equal(1.0, relay.GetProperty("offsetSeconds").GetDouble(), 2);
        Assert.Equal((source, 900.0), (relay.GetProperty("relay").GetProperty("sourceId").GetInt64(), relay.GetProperty("relay").GetProperty("seconds").GetDouble()));
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("relay").ValueKind);

        using var agent = AgentSyncHarness.ForHub(app, token);
        await agent.Sync.SyncOnceAsync(default);
        var occurrenceId = Assert.Single(agent.Store.OccurrenceIds());
        Assert.Equal([bulletin.Sha256], agent.Store.MediaInAirOrder().Select(m => m.Sha256));
        Assert.True(agent.Cache.Contains(bulletin.Sha256));
        Assert.NotNull(agent.Store.State()!.CacheReadyUntil);

        var local = new LocalPlayoutStore(agent.Database);
        var rundown = local.Rundown(occurrenceId);
        Assert.Equal([(bulletin.Id, (RelayRundown?)null), (0L, new RelayRundown(source, 900))], rundown.Select(r => (r.BulletinId, r.Relay)));
        var known = local.RelaySources([source, 424242]);
        Assert.Equal(("Đài tỉnh " + suffix, url), (known[source].Name, known[source].Url));
        Assert.False(known.ContainsKey(424242));
        Assert.Equal([bulletin.Id], local.Bulletins([bulletin.Id, 0]).Keys);
    }
}
