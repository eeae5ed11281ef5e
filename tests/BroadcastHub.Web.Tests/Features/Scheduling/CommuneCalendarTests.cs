using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Features.Playlists;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

[Collection(AppCollection.Name)]
public sealed class CommuneCalendarTests(AppFactory app)
{
    private T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    /// <summary>An occurrence of the session on a local date, with a one-day booking (so the planner adds nothing else).</summary>
    private long Occurrence(long sessionId, DateOnly date, OccurrenceState state, params Bulletin[] rundown)
    {
        var clock = Get<StationClock>();
        var booking = Get<BookingRepository>().Create(sessionId, rundown.Select(b => b.Id).ToList(), date, date, "test");
        var start = clock.ToUtc(date, new TimeOnly(5, 30));
        var occurrences = Get<OccurrenceRepository>();
        var id = occurrences.Upsert(new PlannedOccurrence(sessionId, date, start, start.AddMinutes(30), rundown.Select(b => new PlannedSlot(b.Id, booking.Id, 0, b.DurationSeconds, null)).ToList()));
        if (state != OccurrenceState.Planned) Assert.True(occurrences.TryTransition(id, state, clock.UtcNow));
        return id;
    }

    [Fact]
    public async Task The_feed_lists_the_communes_occurrences_as_rfc5545_events()
    {
        var client = await app.CreateApiClientAsync();
        var name = "Xã Sủng Là, huyện Đồng Văn " + Guid.NewGuid().ToString("N")[..4];
        var commune = await (await client.PostAsJsonAsync("/api/communes", new { name })).JsonAsync();
        var communeId = commune.GetProperty("id").GetInt64();
        var session = await (await client.PostAsJsonAsync("/api/sessions", new { communeId, weekdays = new[] { 1, 3, 5 }, start = "05:30:00", lengthMinutes = 30 })).JsonAsync();
        var sessionId = session.GetProperty("id").GetInt64();
        var weather = await app.BulletinAsync(LibrarySeed.Unique("Tin thời tiết; sáng"), 125);
        var notice = await app.BulletinAsync(LibrarySeed.Unique("Thông báo, tiêm chủng"), 70);
        var today = Get<StationClock>().Today;
        var planned = Occurrence(sessionId, today.AddDays(2), OccurrenceState.Planned, weather, notice);
        var cancelled = Occurrence(sessionId, today.AddDays(3), OccurrenceState.Cancelled, notice);
        var aired = Occurrence(sessionId, today.AddDays(-3), OccurrenceState.Claimed, notice, weather);
        var tooOld = Occurrence(sessionId, today.AddDays(-10), OccurrenceState.Claimed, notice);

        var response = await client.GetAsync($"/api/communes/{communeId}/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var feed = IcsFeed.Parse(await response.Content.ReadAsByteArrayAsync());

        var cal = feed.Calendar;
        Assert.Equal("2.0", cal["VERSION"]);
        Assert.Equal("GREGORIAN", cal["CALSCALE"]);
        Assert.False(string.IsNullOrWhiteSpace(cal["PRODID"]));
        Assert.Equal(name, IcsFeed.Unescape(cal["X-WR-CALNAME"]!));
        Assert.Contains(@"\,", cal["X-WR-CALNAME"]);
        var zone = Assert.Single(cal.Children, c => c.Name == "VTIMEZONE");
        Assert.Equal("Asia/Ho_Chi_Minh", zone["TZID"]);
        var standard = Assert.Single(zone.Children);
        Assert.Equal(("STANDARD", "+0700", "+0700"), (standard.Name, standard["TZOFFSETFROM"], standard["TZOFFSETTO"]));

        var events = feed.Events.ToDictionary(e => e["UID"]!);
        Assert.Equal(new[] { planned, cancelled, aired }.Select(id => $"occ-{id}@broadcasthub").Order(), events.Keys.Order());
        Assert.DoesNotContain($"occ-{tooOld}@broadcasthub", events.Keys);

        var e = events[$"occ-{planned}@broadcasthub"];
        var date = today.AddDays(2).ToString("yyyyMMdd");
        Assert.Equal(("TZID=Asia/Ho_Chi_Minh", date + "T053000"), (e.Get("DTSTART")!.Parameters, e["DTSTART"]));
        Assert.Equal(("TZID=Asia/Ho_Chi_Minh", date + "T060000"), (e.Get("DTEND")!.Parameters, e["DTEND"]));
        Assert.Matches(new Regex(@"^\d{8}T\d{6}Z$"), e["DTSTAMP"]);
        Assert.Equal($"Buổi phát – {name}", IcsFeed.Unescape(e["SUMMARY"]!));
        Assert.Equal("CONFIRMED", e["STATUS"]);
        var description = IcsFeed.Unescape(e["DESCRIPTION"]!);
        Assert.Contains($"1. {weather.Title} (2:05)\n2. {notice.Title} (1:10)\n", description);
        Assert.Contains("dự kiến", description);

        Assert.Equal("CANCELLED", events[$"occ-{cancelled}@broadcasthub"]["STATUS"]);
        var past = events[$"occ-{aired}@broadcasthub"];
        Assert.Equal("CONFIRMED", past["STATUS"]);
        Assert.Contains($"1. {notice.Title} (1:10)\n2. {weather.Title} (2:05)", IcsFeed.Unescape(past["DESCRIPTION"]!));
        Assert.Contains("đã phát", IcsFeed.Unescape(past["DESCRIPTION"]!));

        var withSessions = IcsFeed.Parse(await client.GetByteArrayAsync($"/api/communes/{communeId}/calendar.ics?sessions=true"));
        var recurring = Assert.Single(withSessions.Events, x => x["UID"] == $"session-{sessionId}@broadcasthub");
        Assert.Equal("FREQ=WEEKLY;BYDAY=MO,WE,FR", recurring["RRULE"]);
        Assert.EndsWith("T053000", recurring["DTSTART"]);
        Assert.Equal("TRANSPARENT", recurring["TRANSP"]);
        Assert.Equal(4, withSessions.Events.Count());
    }

    [Fact]
    public async Task A_commune_without_occurrences_gets_an_empty_but_valid_calendar()
    {
        var client = await app.CreateApiClientAsync();
        var commune = await (await client.PostAsJsonAsync("/api/communes", new { name = "Xã trống" })).JsonAsync();
        var feed = IcsFeed.Parse(await client.GetByteArrayAsync($"/api/communes/{commune.GetProperty("id").GetInt64()}/calendar.ics"));
        Assert.Empty(feed.Events);
        Assert.Single(feed.Calendar.Children, c => c.Name == "VTIMEZONE");
    }

    [Fact]
    public async Task An_unknown_commune_is_404_commune_not_found()
    {
        var client = await app.CreateApiClientAsync();
        var response = await client.GetAsync("/api/communes/987654/calendar.ics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("commune_not_found", await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task The_feed_needs_a_token()
    {
        var response = await app.CreateClient().GetAsync("/api/communes/1/calendar.ics");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
