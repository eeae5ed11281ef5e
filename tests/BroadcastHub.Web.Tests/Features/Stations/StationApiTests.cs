using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Stations;

[Collection(AppCollection.Name)]
public sealed class StationApiTests(AppFactory app)
{
    private readonly PlayoutScenario _scenario = new(app);

    [Fact]
    public async Task An_emergency_preempts_the_session_on_air_with_a_short_fade_and_airs_at_once()
    {
        var client = await app.CreateApiClientAsync();
        var session = await _scenario.ApprovedToneAsync(6.0);
        var alert = await _scenario.ApprovedToneAsync(1.0);
        var start = DateTimeOffset.UtcNow.AddSeconds(3.2);
        var occ = _scenario.Occurrence(start, start.AddMinutes(5), session);
        _scenario.Engine.Arm(occ.Id);
        await _scenario.WaitUntilPlayingAsync(occ.ZoneId, TimeSpan.FromSeconds(20));
        await Task.Delay(start.AddSeconds(1) - DateTimeOffset.UtcNow);

        var sent = DateTimeOffset.UtcNow;
        var response = await client.PostAsJsonAsync("/api/emergency", new { communeIds = new[] { occ.CommuneId }, bulletinId = alert.Id });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var emergency = (await response.JsonAsync()).GetProperty("occurrences")[0].GetProperty("id").GetInt64();

        var cut = Assert.Single(await _scenario.WaitForAirtimeAsync(occ, 1, TimeSpan.FromSeconds(20)));
        Assert.Equal(AirtimeOutcome.Preempted, cut.Outcome);
        Assert.Contains("emergency", cut.Error);
        Assert.InRange(cut.ActualEnd!.Value - sent, TimeSpan.Zero, TimeSpan.FromMilliseconds(700));
        var aired = Assert.Single(await _scenario.WaitForAirtimeAsync(occ with { Id = emergency }, 1, TimeSpan.FromSeconds(20)));
        Assert.Equal(AirtimeOutcome.Completed, aired.Outcome);
        Assert.Equal(1.0, aired.PlayedSeconds, 3);
        Assert.InRange(aired.ActualStart!.Value - sent, TimeSpan.Zero, TimeSpan.FromSeconds(1.5));
        Assert.True(aired.ActualStart >= cut.ActualEnd);
    }

    [Fact]
    public async Task Emergency_input_is_checked()
    {
        var client = await app.CreateApiClientAsync();
        var pending = await (await client.PostAsync("/api/bulletins", ApiJson.UploadForm(Fixtures.File("bulletin-vi-mono-16k-s16.wav"), "Chưa duyệt"))).JsonAsync();
        var commune = await (await client.PostAsJsonAsync("/api/communes", new { name = "Xã khẩn" })).JsonAsync();
        Assert.Equal("communes_required", await (await client.PostAsJsonAsync("/api/emergency", new { communeIds = Array.Empty<long>(), bulletinId = 1 })).ErrorCodeAsync());
        Assert.Equal("bulletin_not_approved", await (await client.PostAsJsonAsync("/api/emergency",
            new { communeIds = new[] { commune.GetProperty("id").GetInt64() }, bulletinId = pending.GetProperty("id").GetInt64() })).ErrorCodeAsync());
    }

    [Fact]
    public async Task Stop_answers_for_a_zone_that_is_idle_or_unknown()
    {
        var client = await app.CreateApiClientAsync();
        var commune = await (await client.PostAsJsonAsync("/api/communes", new { name = "Xã yên lặng" })).JsonAsync();
        var idle = await client.PostAsync($"/api/zones/{commune.GetProperty("zoneId").GetInt64()}/stop", null);
        Assert.Equal(HttpStatusCode.Conflict, idle.StatusCode);
        Assert.Equal("nothing_playing", await idle.ErrorCodeAsync());
        Assert.Equal("zone_not_found", await (await client.PostAsync("/api/zones/999999/stop", null)).ErrorCodeAsync());
    }

    [Fact]
    public async Task Stop_through_the_api_preempts_what_the_zone_airs()
    {
        var client = await app.CreateApiClientAsync();
        var bulletin = await _scenario.ApprovedToneAsync(5.0);
        var start = DateTimeOffset.UtcNow.AddSeconds(3.2);
        var occ = _scenario.Occurrence(start, start.AddMinutes(5), bulletin);
        _scenario.Engine.Arm(occ.Id);
        await _scenario.WaitUntilPlayingAsync(occ.ZoneId, TimeSpan.FromSeconds(20));
        await Task.Delay(start.AddSeconds(0.8) - DateTimeOffset.UtcNow);

        var stoppedAfter = (DateTimeOffset.UtcNow - start).TotalSeconds;
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/zones/{occ.ZoneId}/stop", null)).StatusCode);
        var record = Assert.Single(await _scenario.WaitForAirtimeAsync(occ, 1, TimeSpan.FromSeconds(20)));
        Assert.Equal(AirtimeOutcome.Preempted, record.Outcome);
        Assert.InRange(record.PlayedSeconds, stoppedAfter - 0.05, stoppedAfter + 0.6);
        Assert.True(record.PlayedSeconds < 5.0);
    }
}
