using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Stations;

/// <summary>A booking made and cancelled through the hub's API reaches the agent's local database on its next sync.</summary>
[Collection(AppCollection.Name)]
public sealed class AgentSyncBookingTests(AppFactory app)
{
    private static string Day(int offset) => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(offset).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_booking_cancelled_from_a_date_on_the_hub_drops_those_occurrences_locally_on_the_next_sync()
    {
        using var admin = await app.CreateApiClientAsync();
        var commune = (await (await admin.PostAsJsonAsync("/api/communes", new { name = "Xã trạm " + Guid.NewGuid().ToString("N")[..6] })).JsonAsync()).GetProperty("id").GetInt64();
        var session = (await (await admin.PostAsJsonAsync("/api/sessions", new { communeId = commune, weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = "20:00:00", lengthMinutes = 30 })).JsonAsync()).GetProperty("id").GetInt64();
        var bulletin = await new PlayoutScenario(app).ApprovedToneAsync(1.0);
        var booking = (await (await admin.PostAsJsonAsync("/api/bookings", new { sessionId = session, bulletinIds = new[] { bulletin.Id }, from = Day(1), to = Day(2) })).JsonAsync()).GetProperty("id").GetInt64();
        var stations = app.Services.GetRequiredService<StationRepository>();
        var station = stations.Create("Trạm " + Guid.NewGuid().ToString("N")[..8])!;
        var zoneId = app.Services.GetRequiredService<PlacesRepository>().ListCommunes().Single(c => c.Id == commune).ZoneId;
        stations.AssignZone(zoneId, station.Id);
        var token = await StationAgentWorld.EnrolTokenAsync(admin, station.Id);
        using var agent = AgentSyncHarness.ForHub(app, token);

        await agent.Sync.SyncOnceAsync(default);
        var booked = agent.Store.OccurrenceIds();
        Assert.Equal(2, booked.Count);
        Assert.True(agent.Cache.Contains(bulletin.Sha256));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/bookings/{booking}/cancel", new { from = Day(2) })).StatusCode);
        await agent.Sync.SyncOnceAsync(default);

        Assert.Equal([booked[0]], agent.Store.OccurrenceIds());
    }
}
