using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout;
using BroadcastHub.Web.Playout;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Stations;

/// <summary>An administrator picks a zone's output on the stations page or API; playout uses it; bad specs change nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class ZoneOutputChoiceTests(AppFactory app)
{
    private T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    [Fact]
    public async Task A_chosen_output_is_used_for_the_next_airing_and_clearing_it_returns_to_the_configuration()
    {
        var scenario = new PlayoutScenario(app);
        var tone = await scenario.ApprovedToneAsync(0.5);
        var start = DateTimeOffset.UtcNow.AddSeconds(3.5);
        var occ = scenario.Occurrence(start, start.AddMinutes(2), tone);
        using var admin = await app.CreateApiClientAsync();

        var chosen = await admin.PutAsJsonAsync($"/api/zones/{occ.ZoneId}/output", new { spec = "file" });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal("file", (await chosen.JsonAsync()).GetProperty("spec").GetString());
        Assert.Equal("file", Get<ZoneOutputs>().StateOf(occ.ZoneId).Spec);

        scenario.Engine.Arm(occ.Id);
        var record = Assert.Single(await scenario.WaitForAirtimeAsync(occ, 1, TimeSpan.FromSeconds(30)));
        Assert.Equal(AirtimeOutcome.Completed, record.Outcome);
        var recordings = Directory.GetFiles(Path.Combine(app.DataPath, "air", $"zone{occ.ZoneId}"), "*.wav");
        Assert.Single(recordings);

        var cleared = await admin.PutAsJsonAsync($"/api/zones/{occ.ZoneId}/output", new { spec = "" });
        Assert.Equal("null", (await cleared.JsonAsync()).GetProperty("spec").GetString());
        Assert.Equal("null", Get<ZoneOutputs>().StateOf(occ.ZoneId).Spec);
    }

    [Theory]
    [InlineData("alsa:")]
    [InlineData("speakers-in-the-hall")]
    [InlineData("fail-after:abc:null")]
    public async Task A_spec_that_cannot_be_used_is_refused_with_the_reason_and_changes_nothing(string spec)
    {
        var commune = Get<PlacesRepository>().CreateCommune("Xã " + Guid.NewGuid().ToString("N")[..6], null);
        using var admin = await app.CreateApiClientAsync();

        var refused = await admin.PutAsJsonAsync($"/api/zones/{commune.ZoneId}/output", new { spec });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("invalid_output_spec", await refused.ErrorCodeAsync());
        Assert.False(Get<StationRepository>().OutputByZone().ContainsKey(commune.ZoneId));
        Assert.Equal("zone_not_found", await (await admin.PutAsJsonAsync("/api/zones/999999/output", new { spec = "file" })).ErrorCodeAsync());
        using var supervisor = await app.CreateApiClientForRoleAsync(Roles.Supervisor);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PutAsJsonAsync($"/api/zones/{commune.ZoneId}/output", new { spec = "file" })).StatusCode);
    }

    [Fact]
    public async Task The_stations_page_saves_a_zones_output_and_shows_a_refusal_in_the_form()
    {
        var commune = Get<PlacesRepository>().CreateCommune("Xã " + Guid.NewGuid().ToString("N")[..6], null);
        using var admin = await PageBrowser.SignedInAsync(app, Roles.Admin);

        var saved = await admin.SubmitAsync("/stations", $"/stations/zones/{commune.ZoneId}/output", new Dictionary<string, string> { ["spec"] = "file" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("file", Get<StationRepository>().OutputByZone()[commune.ZoneId]);

        var refused = await admin.SubmitAsync("/stations", $"/stations/zones/{commune.ZoneId}/output", new Dictionary<string, string> { ["spec"] = "bogus" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Không dùng được đầu ra", await PageBrowser.HtmlOf(refused));
        Assert.Equal("file", Get<StationRepository>().OutputByZone()[commune.ZoneId]);
    }
}
