using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Security;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Stations;

/// <summary>A station token opens the station-facing routes of its own station and nothing else.</summary>
[Collection(AppCollection.Name)]
public sealed class StationTokenScopeTests(AppFactory app)
{
    [Fact]
    public async Task A_station_token_opens_the_station_routes_and_is_refused_with_403_on_every_other_route_and_page()
    {
        using var admin = await app.CreateApiClientAsync();
        var s = await StationAgentWorld.EnrolAsync(app, admin);
        using var station = StationAgentWorld.Client(app, s.Token);
        Assert.Equal(HttpStatusCode.OK, (await station.GetAsync("/api/station/manifest")).StatusCode);

        var failures = new List<string>();
        var others = RouteTable.Enumerate(app).Where(r => !r.Pattern.StartsWith("/api/station/", StringComparison.Ordinal)).ToList();
        Assert.True(others.Count >= 60, $"only {others.Count} routes");
        var extra = new[] { ("GET", "/"), ("GET", "/library"), ("GET", "/stations"), ("GET", "/hangfire"), ("GET", "/api/no-such-route") };
        foreach (var (method, path) in others.Select(r => (r.Method, RouteTable.Sample(r.Pattern))).Concat(extra))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is not ("GET" or "HEAD" or "DELETE")) request.Content = JsonContent.Create(new { });
            using var response = await station.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Forbidden || !body.Contains("\"station_token_not_allowed\"", StringComparison.Ordinal))
                failures.Add($"{method} {path}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Revoking_refuses_the_token_at_once_and_enrolling_again_replaces_it_both_audited()
    {
        using var admin = await app.CreateApiClientAsync();
        var s = await StationAgentWorld.EnrolAsync(app, admin);
        using var old = StationAgentWorld.Client(app, s.Token);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/api/station/manifest")).StatusCode);

        var replacement = await StationAgentWorld.EnrolTokenAsync(admin, s.StationId);
        Assert.NotEqual(s.Token, replacement);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/station/manifest")).StatusCode);
        using var current = StationAgentWorld.Client(app, replacement);
        Assert.Equal(HttpStatusCode.OK, (await current.GetAsync("/api/station/manifest")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/stations/{s.StationId}/enrol")).StatusCode);
        var refused = await current.GetAsync("/api/station/manifest");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("station_token_invalid", await refused.ErrorCodeAsync());
        Assert.Equal("station_not_enrolled", await (await admin.DeleteAsync($"/api/stations/{s.StationId}/enrol")).ErrorCodeAsync());
        Assert.Equal("station_not_found", await (await admin.PostAsync("/api/stations/999999/enrol", null)).ErrorCodeAsync());

        var audit = app.Services.GetRequiredService<AuditRepository>().List(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1))
            .Where(e => e.Entity == "stations" && e.EntityId == s.StationId.ToString()).Select(e => e.Action).ToList();
        Assert.Equal(2, audit.Count(a => a == "station-enrolled"));
        Assert.Single(audit, "station-enrolment-revoked");
        Assert.DoesNotContain(audit, a => a.Contains(replacement, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_administrators_enrol_and_user_tokens_do_not_open_station_routes()
    {
        using var admin = await app.CreateApiClientAsync();
        using var operatorClient = await app.CreateApiClientForRoleAsync(Roles.Operator);
        var station = app.Services.GetRequiredService<StationRepository>().Create("Trạm " + Guid.NewGuid().ToString("N")[..8])!;
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsync($"/api/stations/{station.Id}/enrol", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/station/manifest")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsJsonAsync("/api/station/heartbeat", new { clockUtc = DateTimeOffset.UtcNow })).StatusCode);
        using var forged = StationAgentWorld.Client(app, "bhst_" + new string('A', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/station/manifest")).StatusCode);
    }

    [Fact]
    public async Task The_token_of_station_A_is_refused_on_station_Bs_zone_media_and_airtime()
    {
        using var admin = await app.CreateApiClientAsync();
        var a = await StationAgentWorld.EnrolAsync(app, admin);
        var b = await StationAgentWorld.EnrolAsync(app, admin);
        using var stationA = StationAgentWorld.Client(app, a.Token);

        var manifest = await (await stationA.GetAsync("/api/station/manifest")).JsonAsync();
        var ids = manifest.GetProperty("occurrences").EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(a.Occurrence.Id, ids);
        Assert.DoesNotContain(b.Occurrence.Id, ids);

        var media = await stationA.GetAsync($"/api/station/media/{b.Bulletins[0].Sha256}");
        Assert.Equal(HttpStatusCode.NotFound, media.StatusCode);
        Assert.Equal("media_not_found", await media.ErrorCodeAsync());

        var upload = await StationAgentWorld.UploadAsync(stationA, StationAgentWorld.Record(b, 0));
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal("zone_not_allowed", await upload.ErrorCodeAsync());
        Assert.Empty(app.Services.GetRequiredService<AirtimeRepository>().RecordedPositions(b.Occurrence.Id));

        var beat = await stationA.PostAsJsonAsync("/api/station/heartbeat",
            new { clockUtc = DateTimeOffset.UtcNow, zones = new[] { new { zoneId = b.Occurrence.ZoneId, outputState = "ok" } } });
        Assert.Equal(HttpStatusCode.Forbidden, beat.StatusCode);
        Assert.Equal("zone_not_allowed", await beat.ErrorCodeAsync());
    }
}
