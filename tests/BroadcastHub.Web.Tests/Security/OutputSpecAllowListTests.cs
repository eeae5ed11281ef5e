using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout;
using BroadcastHub.Web.Playout;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Security;

/// <summary>
/// A zone's output typed on the web reaches ALSA's device parser only when it is on the allow-list, at any nesting;
/// a spec stored around the allow-list is never opened at air.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OutputSpecAllowListTests(AppFactory app)
{
    private T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    private static string Marker() => Path.Combine(Path.GetTempPath(), "bh-alsa-" + Guid.NewGuid().ToString("N")[..10] + ".raw");

    public static TheoryData<string> HostileSpecs() => new()
    {
        "alsa:file:'/tmp/bh-truncated.raw',raw",
        "alsa:FILE:\"/tmp/bh-truncated.raw\"",
        "alsa:file:'|touch /tmp/bh-pwned'",
        "alsa:tee:'default','/tmp/bh-truncated.raw',raw",
        "alsa:{type file slave.pcm null file \"/tmp/bh-truncated.raw\"}",
        "alsa:plug:'hw:0,0'",
        "alsa:hw:0,0;x",
        "alsa:/etc/passwd",
        "fail-after:1:alsa:file:'/tmp/bh-truncated.raw'",
        "unplug-after:2:fail-after:1:alsa:file:'|id'",
    };

    [Theory]
    [MemberData(nameof(HostileSpecs))]
    public async Task A_spec_off_the_allow_list_is_refused_at_any_nesting_and_changes_nothing(string spec)
    {
        var commune = Get<PlacesRepository>().CreateCommune("Xã " + Guid.NewGuid().ToString("N")[..6], null);
        using var admin = await app.CreateApiClientAsync();

        var refused = await admin.PutAsJsonAsync($"/api/zones/{commune.ZoneId}/output", new { spec });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.JsonAsync();
        Assert.Equal("output_not_allowed", body.GetProperty("error").GetString());
        Assert.Contains("alsa:hw:<card>,<device>", body.GetProperty("message").GetString());
        Assert.False(Get<StationRepository>().OutputByZone().ContainsKey(commune.ZoneId));
    }

    [Theory]
    [InlineData("alsa:default")]
    [InlineData("ALSA:hw:0,0")]
    [InlineData("alsa:plughw:1,0")]
    [InlineData("alsa:hw:2")]
    [InlineData("file")]
    [InlineData("null")]
    [InlineData("auto")]
    [InlineData("fail-after:1.5:alsa:plughw:0,0")]
    [InlineData("unplug-after:3:fail-after:1:null")]
    public async Task The_allowed_forms_are_accepted(string spec)
    {
        var commune = Get<PlacesRepository>().CreateCommune("Xã " + Guid.NewGuid().ToString("N")[..6], null);
        using var admin = await app.CreateApiClientAsync();

        var saved = await admin.PutAsJsonAsync($"/api/zones/{commune.ZoneId}/output", new { spec });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(spec, Get<StationRepository>().OutputByZone()[commune.ZoneId]);
    }

    [Fact]
    public void Names_this_machine_lists_are_allowed_and_nothing_else_is()
    {
        string[] listed = ["sysdefault:CARD=PCH", "dmix:CARD=PCH,DEV=0"];
        Assert.Null(OutputSpecAllowList.Refusal("alsa:sysdefault:CARD=PCH", () => listed));
        Assert.Null(OutputSpecAllowList.Refusal("fail-after:2:alsa:dmix:CARD=PCH,DEV=0", () => listed));
        Assert.Equal("alsa:dmix:CARD=PCH,DEV=1", OutputSpecAllowList.Refusal("alsa:dmix:CARD=PCH,DEV=1", () => listed));
        Assert.Equal("alsa:file:x", OutputSpecAllowList.Refusal("fail-after:2:alsa:file:x", () => listed));
    }

    [Fact]
    public async Task The_stations_page_refuses_a_spec_off_the_allow_list_in_both_languages()
    {
        var commune = Get<PlacesRepository>().CreateCommune("Xã " + Guid.NewGuid().ToString("N")[..6], null);
        using var admin = await PageBrowser.SignedInAsync(app, Roles.Admin);

        var refused = await admin.SubmitAsync("/stations", $"/stations/zones/{commune.ZoneId}/output",
            new Dictionary<string, string> { ["spec"] = "alsa:file:'/tmp/bh-truncated.raw'" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("không nằm trong danh sách cho phép", await PageBrowser.HtmlOf(refused));
        Assert.False(Get<StationRepository>().OutputByZone().ContainsKey(commune.ZoneId));
    }

    [Fact]
    public async Task A_stored_spec_off_the_allow_list_is_not_opened_at_air_the_configured_output_plays_and_an_alert_is_raised()
    {
        var scenario = new PlayoutScenario(app);
        var tone = await scenario.ApprovedToneAsync(0.5);
        var start = DateTimeOffset.UtcNow.AddSeconds(3.5);
        var occ = scenario.Occurrence(start, start.AddMinutes(2), tone);
        var marker = Marker();
        // Written straight into the database, as a row stored before the allow-list would be.
        var hostile = $"alsa:file:'{marker}',raw";
        Assert.True(Get<StationRepository>().SetZoneOutput(occ.ZoneId, hostile));
        Get<ZoneOutputs>().Forget(occ.ZoneId);

        scenario.Engine.Arm(occ.Id);
        var record = Assert.Single(await scenario.WaitForAirtimeAsync(occ, 1, TimeSpan.FromSeconds(30)));

        Assert.Equal(AirtimeOutcome.Completed, record.Outcome);
        Assert.False(File.Exists(marker), "ALSA's file plugin was opened with the stored spec");
        var state = Get<ZoneOutputs>().StateOf(occ.ZoneId);
        Assert.Equal("null", state.Spec);
        Assert.Equal(hostile, state.RefusedSpec);
        using var technician = await app.CreateApiClientAsync();
        var health = await technician.GetFromJsonAsync<JsonElement>("/health");
        Assert.Contains(health.GetProperty("alerts").EnumerateArray(), a =>
            a.GetProperty("code").GetString() == "output_not_allowed" && a.GetProperty("severity").GetString() == "error");
        Get<StationRepository>().SetZoneOutput(occ.ZoneId, null);
        Get<ZoneOutputs>().Forget(occ.ZoneId);
    }
}
