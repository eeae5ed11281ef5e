using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Web.Tests.Browser;
using BroadcastHub.Web.Tests.EndToEnd;
using BroadcastHub.Web.Tests.Features.Airtime;
using BroadcastHub.Web.Tests.Features.Library;
using BroadcastHub.Web.Tests.Features.Playlists;
using BroadcastHub.Web.Tests.Features.Stations;
using BroadcastHub.Web.Tests.Features.Users;
using BroadcastHub.Web.Tests.StationPush;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.StationPush;

/// <summary>A station with an enrolled agent and one commune (zone), a session at 20:00 and an approved bulletin, set up through a hub's API.</summary>
public sealed record PushStation(long StationId, string Token, long CommuneId, long ZoneId, long SessionId, long BulletinId)
{
    private const string Mp3 = "bulletin-vi-mono-22k-cbr64.mp3";

    /// <summary>Creates it all through <paramref name="hub"/> (signed in as the administrator).</summary>
    public static async Task<PushStation> CreateAsync(AppProcess hub)
    {
        var commune = await AppProcess.JsonAsync(hub.Http.PostAsJsonAsync("/api/communes", new { name = "Xã " + Guid.NewGuid().ToString("N")[..6] }));
        var zoneId = commune.GetProperty("zoneId").GetInt64();
        var stationId = (await AppProcess.JsonAsync(hub.Http.PostAsJsonAsync("/api/stations", new { name = "Trạm " + Guid.NewGuid().ToString("N")[..6] })))
            .GetProperty("id").GetInt64();
        (await hub.Http.PutAsJsonAsync($"/api/zones/{zoneId}/station", new { stationId })).EnsureSuccessStatusCode();
        var token = (await AppProcess.JsonAsync(hub.Http.PostAsync($"/api/stations/{stationId}/enrol", null))).GetProperty("token").GetString()!;
        var bulletinId = (await AppProcess.JsonAsync(hub.Http.PostAsync("/api/bulletins", ApiJson.UploadForm(Fixtures.File(Mp3), "Thông báo"))))
            .GetProperty("id").GetInt64();
        (await hub.Http.PostAsync($"/api/bulletins/{bulletinId}/approve", null)).EnsureSuccessStatusCode();
        var sessionId = (await AppProcess.JsonAsync(hub.Http.PostAsJsonAsync("/api/sessions", new
        {
            communeId = commune.GetProperty("id").GetInt64(), weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = "20:00:00", lengthMinutes = 15,
        }))).GetProperty("id").GetInt64();
        return new PushStation(stationId, token, commune.GetProperty("id").GetInt64(), zoneId, sessionId, bulletinId);
    }

    /// <summary>Books the bulletin into the session for tomorrow and the day after (both inside the agent's 3-day window).</summary>
    public async Task BookAsync(AppProcess hub)
    {
        var tomorrow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(1);
        await AppProcess.JsonAsync(hub.Http.PostAsJsonAsync("/api/bookings", new
        {
            sessionId = SessionId, bulletinIds = new[] { BulletinId }, from = tomorrow.ToString("yyyy-MM-dd"), to = tomorrow.AddDays(1).ToString("yyyy-MM-dd"),
        }));
    }

    /// <summary>Starts an emergency of the bulletin on the commune through <paramref name="hub"/>; returns the answer.</summary>
    public async Task<JsonElement> EmergencyAsync(AppProcess hub)
    {
        var response = await hub.Http.PostAsJsonAsync("/api/emergency", new { communeIds = new[] { CommuneId }, bulletinId = BulletinId });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
