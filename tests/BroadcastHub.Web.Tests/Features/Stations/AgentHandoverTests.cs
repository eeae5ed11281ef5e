using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Scheduling;
using BroadcastHub.Web.Services;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Stations;

/// <summary>Enrolling a station's agent moves its playout there: the hub neither arms nor airs its zones until revoked.</summary>
[Collection(AppCollection.Name)]
public sealed class AgentHandoverTests(AppFactory app)
{
    private readonly PlayoutScenario _scenario = new(app);

    [Fact]
    public async Task An_enrolled_agent_takes_station_1s_zones_from_the_hub_and_revoking_gives_them_back()
    {
        using var admin = await app.CreateApiClientAsync();
        var tone = await _scenario.ApprovedToneAsync(1.0);
        var start = DateTimeOffset.UtcNow.AddSeconds(3);
        var handedOver = _scenario.Occurrence(start, start.AddMinutes(2), tone);
        await StationAgentWorld.EnrolTokenAsync(admin, 1);
        try
        {
            Assert.False(EnsureArmed(handedOver));
            _scenario.Engine.Arm(handedOver.Id);
            await Task.Delay(start.AddSeconds(2.5) - DateTimeOffset.UtcNow);
            Assert.False(_scenario.Engine.Playing.ContainsKey(handedOver.ZoneId));
            Assert.Empty(_scenario.Airtime(handedOver));
            Assert.Equal(OccurrenceState.Planned, app.Services.GetRequiredService<OccurrenceRepository>().Find(handedOver.Id)!.State);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/stations/1/enrol")).StatusCode);
        }

        var back = _scenario.Occurrence(DateTimeOffset.UtcNow.AddSeconds(3), DateTimeOffset.UtcNow.AddMinutes(2), tone);
        Assert.True(EnsureArmed(back));
        _scenario.Engine.Arm(back.Id);
        Assert.Equal(AirtimeOutcome.Completed, Assert.Single(await _scenario.WaitForAirtimeAsync(back, 1, TimeSpan.FromSeconds(20))).Outcome);
    }

    [Fact]
    public async Task An_emergency_airs_on_the_hubs_commune_and_lists_the_offline_agents_commune_as_station_offline()
    {
        using var admin = await app.CreateApiClientAsync();
        var offline = await StationAgentWorld.EnrolAsync(app, admin);
        var alert = await _scenario.ApprovedToneAsync(1.0);
        var embedded = app.Services.GetRequiredService<PlacesRepository>().CreateCommune("Xã " + Guid.NewGuid().ToString("N")[..6], null);

        var response = await admin.PostAsJsonAsync("/api/emergency",
            new { communeIds = new[] { embedded.Id, offline.Occurrence.CommuneId }, bulletinId = alert.Id });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.JsonAsync();
        var started = Assert.Single(body.GetProperty("occurrences").EnumerateArray());
        Assert.Equal(embedded.Id, started.GetProperty("communeId").GetInt64());
        var refused = Assert.Single(body.GetProperty("notAired").EnumerateArray());
        Assert.Equal(offline.Occurrence.CommuneId, refused.GetProperty("communeId").GetInt64());
        Assert.Equal(offline.StationId, refused.GetProperty("stationId").GetInt64());
        Assert.Equal("station_offline", refused.GetProperty("error").GetString());
        var aired = await _scenario.WaitForAirtimeAsync(EmergencyOf(started), 1, TimeSpan.FromSeconds(20));
        Assert.Equal(AirtimeOutcome.Completed, Assert.Single(aired).Outcome);
        Assert.False(_scenario.Engine.Playing.ContainsKey(offline.Occurrence.ZoneId));
    }

    [Fact]
    public async Task The_emergency_page_says_in_red_that_an_offline_agents_commune_was_not_aired()
    {
        using var admin = await app.CreateApiClientAsync();
        var offline = await StationAgentWorld.EnrolAsync(app, admin);
        var alert = await _scenario.ApprovedToneAsync(1.0);
        using var browser = await PageBrowser.SignedInAsync(app, BroadcastHub.Core.Access.Roles.Admin);

        var response = await browser.FollowAsync(await browser.SubmitAsync("/emergency", "/emergency",
            [("CommuneIds", offline.Occurrence.CommuneId.ToString()), ("BulletinId", alert.Id.ToString()), ("Confirmed", "true")]));

        var red = PageSections.After(await PageBrowser.HtmlOf(response), "alert alert-danger", "</div>");
        Assert.Contains($"máy phát {offline.StationId} đang mất kết nối", red);
        Assert.False(_scenario.Engine.Playing.ContainsKey(offline.Occurrence.ZoneId));
    }

    [Fact]
    public async Task Crash_recovery_leaves_an_enrolled_agents_occurrence_to_the_agent()
    {
        using var admin = await app.CreateApiClientAsync();
        var first = await _scenario.ApprovedToneAsync(1.0);
        var second = await _scenario.ApprovedToneAsync(0.5);
        var start = DateTimeOffset.UtcNow.AddSeconds(-2);
        var occ = _scenario.Occurrence(start, start.AddMinutes(5), first, second);
        app.Services.GetRequiredService<OccurrenceRepository>().TryTransition(occ.Id, OccurrenceState.Claimed, start);
        app.Services.GetRequiredService<OccurrenceProgressRepository>().Beat(occ.Id, 0, start, start.AddSeconds(0.75));
        await StationAgentWorld.EnrolTokenAsync(admin, 1);
        try
        {
            Assert.Equal(0, _scenario.Engine.Recover());
            Assert.Empty(_scenario.Airtime(occ));
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/stations/1/enrol")).StatusCode);
        }
    }

    [Fact]
    public async Task Stopping_a_zone_of_an_offline_agent_is_refused_with_station_offline()
    {
        using var admin = await app.CreateApiClientAsync();
        var offline = await StationAgentWorld.EnrolAsync(app, admin);

        var stop = await admin.PostAsync($"/api/zones/{offline.Occurrence.ZoneId}/stop", null);

        Assert.Equal(HttpStatusCode.Conflict, stop.StatusCode);
        Assert.Equal("station_offline", await stop.ErrorCodeAsync());
    }

    private Occurrence EmergencyOf(System.Text.Json.JsonElement started) =>
        app.Services.GetRequiredService<OccurrenceRepository>().Find(started.GetProperty("id").GetInt64())!;

    private bool EnsureArmed(Occurrence occ)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<OccurrenceArmer>().EnsureArmed(occ);
    }
}
