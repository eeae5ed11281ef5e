using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using static BroadcastHub.Web.Tests.Features.Scheduling.SchedulingHttp;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

[Collection(AppCollection.Name)]
public sealed class OverflowReplaceApiTests(AppFactory app)
{
    private readonly PlayoutScenario _scenario = new(app);

    [Fact]
    public async Task Replace_ends_the_newest_normal_booking_in_the_way_from_the_first_overflowing_date()
    {
        var http = new SchedulingHttp(app, await app.CreateApiClientAsync());
        var sessionId = await http.SessionAsync(await http.CommuneAsync("Xã thay thế"), "22:00:00", 1);
        var (a, b, c) = (await _scenario.ApprovedToneAsync(30), await _scenario.ApprovedToneAsync(25), await _scenario.ApprovedToneAsync(20));
        await http.BookAsync(new { sessionId, bulletinIds = new[] { a.Id }, from = Day(1), to = Day(3) });
        var second = (await http.BookAsync(new { sessionId, bulletinIds = new[] { b.Id }, from = Day(1), to = Day(3) })).GetProperty("id").GetInt64();

        var replacing = await http.BookAsync(new { sessionId, bulletinIds = new[] { c.Id }, from = Day(2), to = Day(2), onOverflow = "replace" });

        var replaced = Assert.Single(replacing.GetProperty("replaced").EnumerateArray());
        Assert.Equal((second, Day(2)), (replaced.GetProperty("bookingId").GetInt64(), replaced.GetProperty("cancelledFrom").GetString()));
        Assert.Equal(0, replacing.GetProperty("overflow").GetArrayLength());
        Assert.Equal([a.Id, b.Id], (await http.RundownAsync(sessionId, Day(1))).Select(i => i.Bulletin));
        Assert.Equal([(a.Id, 0.0), (c.Id, 30.0)], (await http.RundownAsync(sessionId, Day(2))).Select(i => (i.Bulletin, i.Offset)));
        Assert.Equal([a.Id], (await http.RundownAsync(sessionId, Day(3))).Select(i => i.Bulletin));
    }

    [Fact]
    public async Task Replace_never_displaces_priority_bookings_and_refuses_what_still_cannot_fit()
    {
        var http = new SchedulingHttp(app, await app.CreateApiClientAsync());
        var sessionId = await http.SessionAsync(await http.CommuneAsync("Xã ưu tiên"), "22:00:00", 1);
        var (urgent, normal) = (await _scenario.ApprovedToneAsync(40), await _scenario.ApprovedToneAsync(30));
        await http.BookAsync(new { sessionId, bulletinIds = new[] { urgent.Id }, from = Day(1), to = Day(1), priority = "priority" });
        var before = http.Scalar("SELECT COUNT(*) FROM bookings");

        var refused = await http.Client.PostAsJsonAsync("/api/bookings", new { sessionId, bulletinIds = new[] { normal.Id }, from = Day(1), to = Day(1), onOverflow = "replace" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("overflow_not_resolvable", await refused.ErrorCodeAsync());
        Assert.Equal(before, http.Scalar("SELECT COUNT(*) FROM bookings"));
        Assert.Equal([urgent.Id], (await http.RundownAsync(sessionId, Day(1))).Select(i => i.Bulletin));
    }
}
