using System.Net.Http.Json;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.EndToEnd;

/// <summary>Drives a running <see cref="AppProcess"/> through its public API: a commune, approved tones, a session a few seconds ahead, a booking.</summary>
public static class AppProcessScenario
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static async Task<long> CommuneAsync(this AppProcess app, string name) =>
        (await AppProcess.JsonAsync(app.Http.PostAsJsonAsync("/api/communes", new { name }))).GetProperty("id").GetInt64();

    /// <summary>Uploads a sine tone of <paramref name="seconds"/> and approves it; returns its id.</summary>
    public static async Task<long> ApprovedToneAsync(this AppProcess app, double seconds, int frequency, string title)
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(ToneWav.Create(seconds, frequency: frequency)), "file", $"tone{frequency}.wav" },
            { new StringContent(title), "title" },
        };
        var id = (await AppProcess.JsonAsync(app.Http.PostAsync("/api/bulletins", form))).GetProperty("id").GetInt64();
        (await app.Http.PostAsync($"/api/bulletins/{id}/approve", null)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>A daily session starting on a whole second <paramref name="ahead"/> from now, booked for today with the
    /// bulletins; returns the session's local start, its local date and the occurrence id.</summary>
    public static async Task<(DateTimeOffset Start, string Date, long OccurrenceId)> BookedSessionAsync(
        this AppProcess app, long communeId, TimeSpan ahead, int lengthMinutes, IReadOnlyList<long> bulletinIds)
    {
        var start = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow + ahead, Zone);
        start = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerSecond));
        var sessionId = (await AppProcess.JsonAsync(app.Http.PostAsJsonAsync("/api/sessions",
            new { communeId, weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = start.ToString("HH:mm:ss"), lengthMinutes }))).GetProperty("id").GetInt64();
        var date = start.ToString("yyyy-MM-dd");
        var booking = await AppProcess.JsonAsync(app.Http.PostAsJsonAsync("/api/bookings", new { sessionId, bulletinIds, from = date, to = date }));
        return (start, date, booking.GetProperty("occurrences")[0].GetProperty("id").GetInt64());
    }
}
