using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Stations;

/// <summary>The /stations page for agent stations: status, alerts, enrolment shown once, revoke with confirmation.</summary>
[Collection(AppCollection.Name)]
public sealed class StationsAgentPageTests(AppFactory app)
{
    [Fact]
    public async Task Enrolling_on_the_page_shows_the_token_once_and_revoking_needs_a_confirmation_naming_the_station()
    {
        using var admin = await app.CreateApiClientAsync();
        var station = (await (await admin.PostAsJsonAsync("/api/stations", new { name = "Đài " + Guid.NewGuid().ToString("N")[..6] })).JsonAsync());
        var id = station.GetProperty("id").GetInt64();
        var name = station.GetProperty("name").GetString()!;
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Admin);

        var enrolled = await browser.SubmitAsync("/stations", $"/stations/{id}/enrol", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        var token = Regex.Match(await PageBrowser.HtmlOf(enrolled), "value=\"([^\"]+)\" readonly data-station-token").Groups[1].Value;
        Assert.NotEmpty(token);
        using var agent = StationAgentWorld.Client(app, token);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync("/api/station/heartbeat", new { clockUtc = DateTimeOffset.UtcNow })).StatusCode);

        var page = await browser.PageAsync("/stations");
        Assert.DoesNotContain(token, page);
        var card = Card(page, id);
        Assert.Contains("data-mode=\"agent\"", card);
        Assert.Contains($"Thu hồi token của máy phát \"{name}\"", card);

        var unconfirmed = await browser.SubmitAsync("/stations", $"/stations/{id}/revoke", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("data-mode=\"agent\"", Card(await browser.PageAsync("/stations"), id));

        var revoked = await browser.FollowAsync(await browser.SubmitAsync("/stations", $"/stations/{id}/revoke", new Dictionary<string, string> { ["confirmed"] = "true" }));
        Assert.Contains("data-mode=\"embedded\"", Card(await PageBrowser.HtmlOf(revoked), id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await agent.PostAsJsonAsync("/api/station/heartbeat", new { clockUtc = DateTimeOffset.UtcNow })).StatusCode);
    }

    [Fact]
    public async Task An_agent_that_never_reported_is_shown_offline_in_red()
    {
        var (_, s, browser) = await EnrolledAsync();
        using (browser)
        {
            var card = Card(await browser.PageAsync("/stations"), s.StationId);
            Assert.Contains("data-online=\"false\"", card);
            Assert.Contains("alert alert-danger py-1 mb-2\" role=\"alert\" data-alert=\"station_offline\"", card);
        }
    }

    [Fact]
    public async Task A_healthy_heartbeat_shows_status_and_outputs_without_alerts()
    {
        var (agent, s, browser) = await EnrolledAsync();
        using (agent)
        using (browser)
        {
            await BeatAsync(agent, s, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(3));
            var card = Card(await browser.PageAsync("/stations"), s.StationId);
            Assert.Contains("data-online=\"true\"", card);
            Assert.Contains("9.8.7", card);
            Assert.Contains("data-reported-output", card);
            Assert.DoesNotContain("data-alert", card);
        }
    }

    [Fact]
    public async Task A_cache_covering_less_than_24_hours_is_an_amber_alert()
    {
        var (agent, s, browser) = await EnrolledAsync();
        using (agent)
        using (browser)
        {
            await BeatAsync(agent, s, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(20));
            var card = Card(await browser.PageAsync("/stations"), s.StationId);
            Assert.Contains("alert alert-warning py-1 mb-2\" role=\"alert\" data-alert=\"cache_short\"", card);
            Assert.DoesNotContain("data-alert=\"clock_drift\"", card);
            Assert.DoesNotContain("data-alert=\"station_offline\"", card);
        }
    }

    [Fact]
    public async Task A_clock_off_by_more_than_500_ms_is_an_amber_alert()
    {
        var (agent, s, browser) = await EnrolledAsync();
        using (agent)
        using (browser)
        {
            await BeatAsync(agent, s, DateTimeOffset.UtcNow.AddSeconds(-2), DateTimeOffset.UtcNow.AddDays(3));
            var card = Card(await browser.PageAsync("/stations"), s.StationId);
            Assert.Contains("alert alert-warning py-1 mb-2\" role=\"alert\" data-alert=\"clock_drift\"", card);
            Assert.DoesNotContain("data-alert=\"cache_short\"", card);
        }
    }

    private async Task<(HttpClient Agent, EnrolledStation Station, PageBrowser Browser)> EnrolledAsync()
    {
        using var admin = await app.CreateApiClientAsync();
        var s = await StationAgentWorld.EnrolAsync(app, admin);
        return (StationAgentWorld.Client(app, s.Token), s, await PageBrowser.SignedInAsync(app, Roles.Admin));
    }

    private static async Task BeatAsync(HttpClient agent, EnrolledStation s, DateTimeOffset clockUtc, DateTimeOffset cacheReadyUntil)
    {
        var beat = await agent.PostAsJsonAsync("/api/station/heartbeat", new
        {
            agentVersion = "9.8.7", clockUtc, ntpSynchronized = true, cacheReadyUntil, pendingAirtime = 0,
            zones = new[] { new { zoneId = s.Occurrence.ZoneId, outputState = "ready" } },
        });
        Assert.Equal(HttpStatusCode.OK, beat.StatusCode);
    }

    private static string Card(string html, long stationId) => PageSections.After(html, $"data-station=\"{stationId}\"", "</section>");
}
