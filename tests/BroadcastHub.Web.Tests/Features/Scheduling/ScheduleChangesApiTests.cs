using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Data;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

[Collection(AppCollection.Name)]
public sealed class ScheduleChangesApiTests(AppFactory app)
{
    private readonly PlayoutScenario _scenario = new(app);

    private static string Day(int offset) => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(offset).ToString("yyyy-MM-dd");

    private async Task<(HttpClient Client, long CommuneId, long SessionId)> SessionAsync()
    {
        var client = await app.CreateApiClientAsync();
        var commune = (await (await client.PostAsJsonAsync("/api/communes", new { name = "Xã thay đổi" })).JsonAsync()).GetProperty("id").GetInt64();
        var session = (await (await client.PostAsJsonAsync("/api/sessions", new { communeId = commune, weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = "20:00:00", lengthMinutes = 30 })).JsonAsync()).GetProperty("id").GetInt64();
        return (client, commune, session);
    }

    private static async Task<string?> StateOn(HttpClient client, long sessionId, string date)
    {
        var rundown = await (await client.GetAsync($"/api/sessions/{sessionId}/rundown?date={date}")).JsonAsync();
        return rundown.GetProperty("state").ValueKind == System.Text.Json.JsonValueKind.Null ? null : rundown.GetProperty("state").GetString();
    }

    [Fact]
    public async Task Cancelling_a_booking_from_a_date_cancels_only_the_occurrences_from_then_on()
    {
        var (client, _, sessionId) = await SessionAsync();
        var bulletin = await _scenario.ApprovedToneAsync(1.0);
        var booking = await (await client.PostAsJsonAsync("/api/bookings", new { sessionId, bulletinIds = new[] { bulletin.Id }, from = Day(1), to = Day(5) })).JsonAsync();

        var cancel = await client.PostAsJsonAsync($"/api/bookings/{booking.GetProperty("id").GetInt64()}/cancel", new { from = Day(3) });
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(Day(3), (await cancel.JsonAsync()).GetProperty("cancelledFrom").GetString());

        Assert.Equal(new string?[] { "Planned", "Planned", "Cancelled", "Cancelled", "Cancelled" },
            await Task.WhenAll(Enumerable.Range(1, 5).Select(d => StateOn(client, sessionId, Day(d)))));
        Assert.Equal("booking_not_found", await (await client.PostAsJsonAsync("/api/bookings/999999/cancel", new { from = Day(1) })).ErrorCodeAsync());
    }

    [Fact]
    public async Task Cancelling_one_date_of_a_session_skips_just_that_date_even_after_replanning()
    {
        var (client, _, sessionId) = await SessionAsync();
        var bulletin = await _scenario.ApprovedToneAsync(1.0);
        await client.PostAsJsonAsync("/api/bookings", new { sessionId, bulletinIds = new[] { bulletin.Id }, from = Day(1), to = Day(3) });

        var response = await client.PostAsJsonAsync($"/api/sessions/{sessionId}/exceptions", new { date = Day(2), reason = "Tết" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var scope = app.Services.CreateScope()) scope.ServiceProvider.GetRequiredService<BroadcastHub.Web.Features.Scheduling.SchedulePlanner>().PlanHorizon();

        Assert.Equal(new string?[] { "Planned", "Cancelled", "Planned" }, await Task.WhenAll(Enumerable.Range(1, 3).Select(d => StateOn(client, sessionId, Day(d)))));
        Assert.Equal("date_in_past", await (await client.PostAsJsonAsync($"/api/sessions/{sessionId}/exceptions", new { date = Day(-1) })).ErrorCodeAsync());
        Assert.Equal("invalid_date", await (await client.PostAsJsonAsync($"/api/sessions/{sessionId}/exceptions", new { date = "tomorrow" })).ErrorCodeAsync());
    }

    [Fact]
    public async Task Overlapping_sessions_of_one_commune_are_refused()
    {
        var (client, commune, _) = await SessionAsync();
        var clash = await client.PostAsJsonAsync("/api/sessions", new { communeId = commune, weekdays = new[] { 3 }, start = "20:15:00", lengthMinutes = 30 });
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Equal("session_overlap", await clash.ErrorCodeAsync());
        var after = await client.PostAsJsonAsync("/api/sessions", new { communeId = commune, weekdays = new[] { 3 }, start = "20:30:00", lengthMinutes = 30 });
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    [Fact]
    public async Task A_template_creates_the_session_in_every_commune_or_in_none()
    {
        var (client, busy, _) = await SessionAsync();
        var free = new List<long>();
        for (var i = 0; i < 3; i++)
            free.Add((await (await client.PostAsJsonAsync("/api/communes", new { name = $"Xã mẫu {i}" })).JsonAsync()).GetProperty("id").GetInt64());
        var before = SessionCount();

        var refused = await client.PostAsJsonAsync("/api/session-templates/apply", new { communeIds = free.Append(busy), weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = "20:10:00", lengthMinutes = 15 });
        Assert.Equal("session_overlap", await refused.ErrorCodeAsync());
        Assert.Equal(before, SessionCount());

        var applied = await client.PostAsJsonAsync("/api/session-templates/apply", new { communeIds = free, weekdays = new[] { 1, 2, 3, 4, 5 }, start = "05:30:00", lengthMinutes = 30 });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        Assert.Equal(free.Order(), (await applied.JsonAsync()).EnumerateArray().Select(s => s.GetProperty("communeId").GetInt64()).Order());
        Assert.Equal(before + 3, SessionCount());
    }

    private long SessionCount()
    {
        using var c = app.Services.GetRequiredService<AppDatabase>().Open();
        return c.ExecuteScalar<long>("SELECT COUNT(*) FROM sessions");
    }
}
