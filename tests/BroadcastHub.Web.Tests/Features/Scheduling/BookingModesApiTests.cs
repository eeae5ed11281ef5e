using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Data;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

[Collection(AppCollection.Name)]
public sealed class BookingModesApiTests(AppFactory app)
{
    private readonly PlayoutScenario _scenario = new(app);

    private static string LocalDate(int days) => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(days).ToString("yyyy-MM-dd");

    private async Task<(HttpClient Client, long SessionId)> SessionAsync(int minutes = 30)
    {
        var client = await app.CreateApiClientAsync();
        var commune = await (await client.PostAsJsonAsync("/api/communes", new { name = "Xã đặt lịch" })).JsonAsync();
        var session = await (await client.PostAsJsonAsync("/api/sessions", new
        {
            communeId = commune.GetProperty("id").GetInt64(), weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = "22:00:00", lengthMinutes = minutes,
        })).JsonAsync();
        return (client, session.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Weekly_books_only_the_chosen_weekdays_and_once_a_single_date()
    {
        var (client, sessionId) = await SessionAsync();
        var bulletin = await _scenario.ApprovedToneAsync(1.0);
        var weekly = await client.PostAsJsonAsync("/api/bookings", new
        {
            sessionId, bulletinIds = new[] { bulletin.Id }, from = LocalDate(1), to = LocalDate(7), mode = "weekly", weekdays = new[] { 3 },
        });
        Assert.Equal(HttpStatusCode.Created, weekly.StatusCode);
        var dates = (await weekly.JsonAsync()).GetProperty("occurrences").EnumerateArray().Select(o => DateOnly.Parse(o.GetProperty("localDate").GetString()!)).ToList();
        Assert.Single(dates);
        Assert.Equal(DayOfWeek.Wednesday, dates[0].DayOfWeek);

        var once = await (await client.PostAsJsonAsync("/api/bookings", new { sessionId, bulletinIds = new[] { bulletin.Id }, from = LocalDate(2), mode = "once" })).JsonAsync();
        Assert.Equal(LocalDate(2), Assert.Single(once.GetProperty("occurrences").EnumerateArray()).GetProperty("localDate").GetString());
    }

    [Fact]
    public async Task Priority_goes_first_and_a_repeat_is_laid_out_at_its_interval_in_the_rundown()
    {
        var (client, sessionId) = await SessionAsync();
        var normal = await _scenario.ApprovedToneAsync(2.0);
        var urgent = await _scenario.ApprovedToneAsync(1.0);
        var day = LocalDate(3);
        await client.PostAsJsonAsync("/api/bookings", new { sessionId, bulletinIds = new[] { normal.Id }, from = day, to = day, repeat = 3, repeatIntervalSeconds = 600 });
        await client.PostAsJsonAsync("/api/bookings", new { sessionId, bulletinIds = new[] { urgent.Id }, from = day, to = day, priority = "priority" });

        var rundown = await (await client.GetAsync($"/api/sessions/{sessionId}/rundown?date={day}")).JsonAsync();
        var items = rundown.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("bulletinId").GetInt64(), i.GetProperty("offsetSeconds").GetDouble())).ToList();
        Assert.Equal([(urgent.Id, 0.0), (normal.Id, 1.0), (normal.Id, 601.0), (normal.Id, 1201.0)], items);
        Assert.True(rundown.GetProperty("occurrenceId").GetInt64() > 0);
    }

    [Fact]
    public async Task Overflow_is_reported_and_cancel_books_nothing()
    {
        var (client, sessionId) = await SessionAsync(minutes: 1);
        var longOne = await _scenario.ApprovedToneAsync(50.0);
        var day = LocalDate(4);
        var first = await client.PostAsJsonAsync("/api/bookings", new { sessionId, bulletinIds = new[] { longOne.Id }, from = day, to = day });
        Assert.Equal(0, (await first.JsonAsync()).GetProperty("overflow").GetArrayLength());
        var bookingsBefore = Count("bookings");
        var another = await _scenario.ApprovedToneAsync(50.0); // the same booking again would be refused as a repeat

        var refused = await client.PostAsJsonAsync("/api/bookings", new { sessionId, bulletinIds = new[] { another.Id }, from = day, to = day, onOverflow = "cancel" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("overflow", await refused.ErrorCodeAsync());
        Assert.Equal(bookingsBefore, Count("bookings"));

        var appended = await (await client.PostAsJsonAsync("/api/bookings", new { sessionId, bulletinIds = new[] { another.Id }, from = day, to = day })).JsonAsync();
        var overflow = Assert.Single(appended.GetProperty("overflow").EnumerateArray());
        Assert.Equal(another.Id, Assert.Single(overflow.GetProperty("items").EnumerateArray()).GetProperty("bulletinId").GetInt64());
    }

    [Theory]
    [InlineData("{\"mode\":\"hourly\"}", "invalid_mode")]
    [InlineData("{\"mode\":\"weekly\",\"weekdays\":[]}", "invalid_weekdays")]
    [InlineData("{\"priority\":\"urgent\"}", "invalid_priority")]
    [InlineData("{\"repeat\":0}", "invalid_repeat")]
    [InlineData("{\"repeat\":2,\"repeatIntervalSeconds\":99999}", "invalid_repeat_interval")]
    [InlineData("{\"onOverflow\":\"squeeze\"}", "invalid_on_overflow")]
    [InlineData("{\"mode\":\"once\",\"toOffset\":2}", "once_needs_one_date")]
    public async Task Bad_booking_options_are_refused_and_nothing_is_stored(string extra, string code)
    {
        var (client, sessionId) = await SessionAsync();
        var bulletin = await _scenario.ApprovedToneAsync(1.0);
        var body = JsonSerializer.Deserialize<Dictionary<string, object>>(extra)!;
        var toOffset = body.Remove("toOffset", out var o) ? int.Parse(o.ToString()!) : 1;
        body["sessionId"] = sessionId;
        body["bulletinIds"] = new[] { bulletin.Id };
        body["from"] = LocalDate(1);
        body["to"] = LocalDate(toOffset);
        var before = Count("bookings");
        var response = await client.PostAsJsonAsync("/api/bookings", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await response.ErrorCodeAsync());
        Assert.Equal(before, Count("bookings"));
    }

    private long Count(string table)
    {
        using var c = app.Services.GetRequiredService<AppDatabase>().Open();
        return c.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}");
    }
}
