using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Data;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

[Collection(AppCollection.Name)]
public sealed class BookingBoundsApiTests(AppFactory app)
{
    private readonly PlayoutScenario _scenario = new(app);

    private static string LocalDate(int days) => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(days).ToString("yyyy-MM-dd");

    private async Task<(HttpClient Client, long SessionId, long BulletinId)> SessionAsync()
    {
        var client = await app.CreateApiClientAsync();
        var commune = await (await client.PostAsJsonAsync("/api/communes", new { name = "Xã giới hạn" })).JsonAsync();
        var session = await (await client.PostAsJsonAsync("/api/sessions", new
        {
            communeId = commune.GetProperty("id").GetInt64(), weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = "22:00:00", lengthMinutes = 60,
        })).JsonAsync();
        return (client, session.GetProperty("id").GetInt64(), (await _scenario.ApprovedToneAsync(0.5)).Id);
    }

    private long Written(long sessionId)
    {
        using var c = app.Services.GetRequiredService<AppDatabase>().Open();
        return c.ExecuteScalar<long>("SELECT COUNT(*) FROM bookings WHERE session_id = @sessionId", new { sessionId })
            + c.ExecuteScalar<long>("SELECT COUNT(*) FROM occurrences WHERE session_id = @sessionId", new { sessionId });
    }

    [Theory]
    [InlineData(51, 2, 1, "too_many_items")]
    [InlineData(30, 365, 2, "booking_too_large")]
    [InlineData(1, 366, 1, "range_too_long")]
    public async Task A_booking_beyond_its_bounds_is_refused_with_its_code_and_writes_nothing(int items, int lastDay, int repeat, string code)
    {
        var (client, sessionId, bulletin) = await SessionAsync();

        var response = await client.PostAsJsonAsync("/api/bookings", new
        {
            sessionId, bulletinIds = Enumerable.Repeat(bulletin, items).ToArray(), from = LocalDate(0), to = LocalDate(lastDay), repeat,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await response.ErrorCodeAsync());
        Assert.Equal(0, Written(sessionId));
    }

    [Fact]
    public async Task The_largest_booking_within_the_bounds_is_accepted_and_planned()
    {
        var (client, sessionId, bulletin) = await SessionAsync();

        var response = await client.PostAsJsonAsync("/api/bookings", new
        {
            sessionId, bulletinIds = Enumerable.Repeat(bulletin, 27).ToArray(), from = LocalDate(1), to = LocalDate(365), repeat = 2,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(Written(sessionId) > 1);
    }
}
