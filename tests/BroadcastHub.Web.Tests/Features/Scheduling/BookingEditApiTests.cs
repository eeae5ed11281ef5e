using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using static BroadcastHub.Web.Tests.Features.Scheduling.SchedulingHttp;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

[Collection(AppCollection.Name)]
public sealed class BookingEditApiTests(AppFactory app)
{
    private readonly PlayoutScenario _scenario = new(app);

    [Fact]
    public async Task A_future_booking_is_edited_in_place_and_the_edit_is_audited()
    {
        var http = new SchedulingHttp(app, await app.CreateApiClientAsync());
        var sessionId = await http.SessionAsync(await http.CommuneAsync("Xã sửa lịch"), "22:00:00", 30);
        var (before, after) = (await _scenario.ApprovedToneAsync(1), await _scenario.ApprovedToneAsync(2));
        var id = (await http.BookAsync(new { sessionId, bulletinIds = new[] { before.Id }, from = Day(2), to = Day(4) })).GetProperty("id").GetInt64();

        var response = await http.Client.PutAsJsonAsync($"/api/bookings/{id}", new { bulletinIds = new[] { after.Id }, to = Day(5) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var edited = await response.JsonAsync();
        Assert.Equal((id, Day(2), Day(5)), (edited.GetProperty("id").GetInt64(), edited.GetProperty("from").GetString(), edited.GetProperty("to").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, edited.GetProperty("previousId").ValueKind);
        foreach (var day in new[] { 2, 3, 4, 5 }) Assert.Equal([after.Id], (await http.RundownAsync(sessionId, Day(day))).Select(i => i.Bulletin));
        Assert.Equal(1, http.Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'BookingsApi.Update' AND entity = 'bookings' AND entity_id = @id",
            new { id = id.ToString() }));
    }

    [Fact]
    public async Task A_booking_that_has_started_is_split_so_today_stays_as_it_was()
    {
        var http = new SchedulingHttp(app, await app.CreateApiClientAsync());
        // The session started at 00:00:01 today and runs all day: today's occurrence is under way (or already past its grace).
        var sessionId = await http.SessionAsync(await http.CommuneAsync("Xã tách lịch"), "00:00:01", 1439);
        var (before, after) = (await _scenario.ApprovedToneAsync(1), await _scenario.ApprovedToneAsync(2));
        var id = (await http.BookAsync(new { sessionId, bulletinIds = new[] { before.Id }, from = Day(0), to = Day(2) })).GetProperty("id").GetInt64();
        Assert.Equal([before.Id], (await http.RundownAsync(sessionId, Day(0))).Select(i => i.Bulletin));

        var edited = await (await http.Client.PutAsJsonAsync($"/api/bookings/{id}", new { bulletinIds = new[] { after.Id } })).JsonAsync();

        Assert.NotEqual(id, edited.GetProperty("id").GetInt64());
        Assert.Equal((id, Day(1), Day(2)), (edited.GetProperty("previousId").GetInt64(), edited.GetProperty("from").GetString(), edited.GetProperty("to").GetString()));
        Assert.Equal([before.Id], (await http.RundownAsync(sessionId, Day(0))).Select(i => i.Bulletin));
        Assert.Equal([after.Id], (await http.RundownAsync(sessionId, Day(1))).Select(i => i.Bulletin));
        Assert.Equal([after.Id], (await http.RundownAsync(sessionId, Day(2))).Select(i => i.Bulletin));
        Assert.Equal(1, http.Scalar("SELECT COUNT(*) FROM bookings WHERE id = @id AND cancelled_from = @day", new { id, day = Day(1) }));

        var past = await http.Client.PutAsJsonAsync($"/api/bookings/{edited.GetProperty("id").GetInt64()}", new { to = Day(0) });
        Assert.Equal((HttpStatusCode.BadRequest, "range_in_past"), (past.StatusCode, await past.ErrorCodeAsync()));
        var ended = await http.Client.PutAsJsonAsync($"/api/bookings/{id}", new { to = Day(3) });
        Assert.Equal((HttpStatusCode.Conflict, "booking_ended"), (ended.StatusCode, await ended.ErrorCodeAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await http.Client.PutAsJsonAsync("/api/bookings/987654", new { to = Day(3) })).StatusCode);
    }
}
