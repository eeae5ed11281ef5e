using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using static BroadcastHub.Web.Tests.Features.Scheduling.SchedulingHttp;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

[Collection(AppCollection.Name)]
public sealed class OneOffSessionApiTests(AppFactory app)
{
    private readonly PlayoutScenario _scenario = new(app);

    [Fact]
    public async Task A_one_off_session_is_planned_and_booked_on_its_date_only()
    {
        var http = new SchedulingHttp(app, await app.CreateApiClientAsync());
        var communeId = await http.CommuneAsync("Xã buổi bổ sung");
        var created = await http.Client.PostAsJsonAsync($"/api/communes/{communeId}/sessions", new { date = Day(2), start = "21:00:00", lengthMinutes = 30 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await created.JsonAsync();
        Assert.Equal(Day(2), session.GetProperty("date").GetString());
        var sessionId = session.GetProperty("id").GetInt64();
        var bulletin = await _scenario.ApprovedToneAsync(1);

        var booking = await http.BookAsync(new { sessionId, bulletinIds = new[] { bulletin.Id }, from = Day(1), to = Day(4) });

        Assert.Equal([Day(2)], booking.GetProperty("occurrences").EnumerateArray().Select(o => o.GetProperty("localDate").GetString()));
        Assert.Equal([bulletin.Id], (await http.RundownAsync(sessionId, Day(2))).Select(i => i.Bulletin));
        Assert.Empty(await http.RundownAsync(sessionId, Day(3)));
        var once = await http.Client.PostAsJsonAsync("/api/bookings", new { sessionId, bulletinIds = new[] { bulletin.Id }, from = Day(3), mode = "once" });
        Assert.Equal("no_session_on_dates", await once.ErrorCodeAsync());
        var listed = (await (await http.Client.GetAsync($"/api/sessions?communeId={communeId}")).JsonAsync()).EnumerateArray().Single();
        Assert.Equal(Day(2), listed.GetProperty("date").GetString());

        var feed = IcsFeed.Parse(await http.Client.GetByteArrayAsync($"/api/communes/{communeId}/calendar.ics?sessions=true"));
        var slot = Assert.Single(feed.Events, e => e["UID"] == $"session-{sessionId}@broadcasthub");
        Assert.Null(slot["RRULE"]);
        Assert.EndsWith(Day(2).Replace("-", "") + "T210000", slot["DTSTART"]);
    }

    [Fact]
    public async Task One_off_sessions_are_checked_for_overlap_on_their_date_and_refused_in_the_past()
    {
        var http = new SchedulingHttp(app, await app.CreateApiClientAsync());
        var communeId = await http.CommuneAsync("Xã trùng giờ");
        await http.SessionAsync(communeId, "20:00:00", 30);
        async Task<(HttpStatusCode, string?)> AddAsync(string date, string start)
        {
            var response = await http.Client.PostAsJsonAsync($"/api/communes/{communeId}/sessions", new { date, start, lengthMinutes = 30 });
            return (response.StatusCode, response.IsSuccessStatusCode ? null : await response.ErrorCodeAsync());
        }

        Assert.Equal((HttpStatusCode.Conflict, "session_overlap"), await AddAsync(Day(2), "20:15:00"));
        Assert.Equal((HttpStatusCode.Created, null), await AddAsync(Day(2), "20:30:00"));
        Assert.Equal((HttpStatusCode.Conflict, "session_overlap"), await AddAsync(Day(2), "20:45:00"));
        Assert.Equal((HttpStatusCode.Created, null), await AddAsync(Day(3), "20:45:00"));
        Assert.Equal((HttpStatusCode.BadRequest, "date_in_past"), await AddAsync(Day(-1), "20:45:00"));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_date"), await AddAsync("mai", "20:45:00"));
        var weekly = await http.Client.PostAsJsonAsync("/api/sessions", new { communeId, weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = "20:40:00", lengthMinutes = 10 });
        Assert.Equal("session_overlap", await weekly.ErrorCodeAsync());
    }
}
