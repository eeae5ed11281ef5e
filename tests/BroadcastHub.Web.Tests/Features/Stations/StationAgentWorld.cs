using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Stations;

/// <summary>A station enrolled through the API, with an occurrence of its own zone two hours ahead (not armed here).</summary>
public sealed record EnrolledStation(long StationId, string Token, Occurrence Occurrence, IReadOnlyList<Bulletin> Bulletins);

/// <summary>Seeds enrolled stations and clients that carry a station token.</summary>
public static class StationAgentWorld
{
    /// <summary>A new station, its zone's occurrence (two tone bulletins) and the token that enrolling it returned.</summary>
    public static async Task<EnrolledStation> EnrolAsync(AppFactory app, HttpClient admin)
    {
        var scenario = new PlayoutScenario(app);
        var first = await scenario.ApprovedToneAsync(1);
        var second = await scenario.ApprovedToneAsync(2);
        var start = DateTimeOffset.UtcNow.AddHours(2);
        var occ = scenario.Occurrence(start, start.AddMinutes(10), first, second);
        var station = app.Services.GetRequiredService<StationRepository>().Create("Trạm " + Guid.NewGuid().ToString("N")[..8])!;
        app.Services.GetRequiredService<StationRepository>().AssignZone(occ.ZoneId, station.Id);
        var token = await EnrolTokenAsync(admin, station.Id);
        return new EnrolledStation(station.Id, token, occ, [first, second]);
    }

    /// <summary>A new commune created through the API; returns its id.</summary>
    public static async Task<long> CommuneAsync(HttpClient admin, string name) =>
        (await (await admin.PostAsJsonAsync("/api/communes", new { name })).JsonAsync()).GetProperty("id").GetInt64();

    /// <summary>A new station named <paramref name="name"/> playing <paramref name="communeId"/>'s zone, enrolled through the API; returns its token.</summary>
    public static async Task<string> EnrolForCommuneAsync(AppFactory app, HttpClient admin, long communeId, string name)
    {
        var stations = app.Services.GetRequiredService<StationRepository>();
        var station = stations.Create(name)!;
        stations.AssignZone(app.Services.GetRequiredService<PlacesRepository>().ListCommunes().Single(c => c.Id == communeId).ZoneId, station.Id);
        return await EnrolTokenAsync(admin, station.Id);
    }

    /// <summary>The manifest the station of <paramref name="token"/> gets for three days.</summary>
    public static async Task<JsonElement> ManifestAsync(AppFactory app, string token)
    {
        using var station = Client(app, token);
        return await (await station.GetAsync("/api/station/manifest?days=3")).JsonAsync();
    }

    /// <summary>Enrols (again) through the API and returns the token shown.</summary>
    public static async Task<string> EnrolTokenAsync(HttpClient admin, long stationId)
    {
        var response = await admin.PostAsync($"/api/stations/{stationId}/enrol", null);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(stationId, body.GetProperty("stationId").GetInt64());
        return body.GetProperty("token").GetString()!;
    }

    /// <summary>A client that sends the station token and follows no redirects.</summary>
    public static HttpClient Client(AppFactory app, string token)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>An airtime record of item <paramref name="position"/> as an agent would upload it.</summary>
    public static object Record(EnrolledStation s, int position, string outcome = "Completed", double played = 1)
    {
        var start = s.Occurrence.StartUtc.AddSeconds(position);
        return new
        {
            occurrenceId = s.Occurrence.Id, position, bulletinId = s.Bulletins[position].Id, outcome, scheduledStart = start,
            actualStart = start, actualEnd = start.AddSeconds(played), playedSeconds = played, error = (string?)null,
            recordedAt = start.AddSeconds(played),
        };
    }

    /// <summary>Posts a batch of records.</summary>
    public static Task<HttpResponseMessage> UploadAsync(HttpClient station, params object[] records) =>
        station.PostAsJsonAsync("/api/station/airtime", new { records });
}
