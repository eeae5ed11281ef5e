using System.Globalization;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Scheduling;
using BroadcastHub.Web.Services;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

/// <summary>Lịch tuần: a session date whose start has passed offers no "Đặt lịch"; one that aired says "Đã phát".</summary>
[Collection(AppCollection.Name)]
public sealed class WeekCalendarAiredPageTests(AppFactory app)
{
    private static string DayHtml(string html, string date)
    {
        var at = html.IndexOf($"data-date=\"{date}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no day {date}");
        var next = html.IndexOf("data-date=\"", at + 20, StringComparison.Ordinal);
        return html[at..(next < 0 ? html.Length : next)];
    }

    [Fact]
    public async Task A_session_that_aired_today_shows_aired_and_offers_no_booking_while_tomorrow_still_does()
    {
        var http = new SchedulingHttp(app, await app.CreateApiClientAsync());
        var commune = await http.CommuneAsync("Xã đã phát " + Guid.NewGuid().ToString("N")[..4]);
        var session = await http.SessionAsync(commune, "00:00:01", 1);
        var bulletin = await new PlayoutScenario(app).ApprovedToneAsync(1.0);
        var today = DateOnly.ParseExact(SchedulingHttp.Day(0), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        using (var scope = app.Services.CreateScope())
        {
            // Stored as if booked before it aired: the booking rules now refuse a session that has started.
            scope.ServiceProvider.GetRequiredService<BookingRepository>().Create(session, [bulletin.Id], today, today.AddDays(1), "test");
            scope.ServiceProvider.GetRequiredService<SchedulePlanner>().PlanSession(session, today, today.AddDays(1));
            var start = new DateTimeOffset(today.ToDateTime(new TimeOnly(0, 0, 1)), TimeSpan.FromHours(7)).ToUniversalTime();
            scope.ServiceProvider.GetRequiredService<OccurrenceRepository>().Upsert(new PlannedOccurrence(session, today, start, start.AddMinutes(1), []));
        }
        http.Scalar("UPDATE occurrences SET state = 'Claimed' WHERE session_id = @session AND local_date = @day", new { session, day = SchedulingHttp.Day(0) });

        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var html = await browser.PageAsync($"/schedule/week?communeId={commune}&date={SchedulingHttp.Day(0)}");
        var aired = DayHtml(html, SchedulingHttp.Day(0));
        Assert.Contains("Đã phát", PageBrowser.TextOf(aired));
        Assert.DoesNotContain("book-link", aired);
        Assert.DoesNotContain("booking-cancel-link", aired);
        if (today.DayOfWeek != DayOfWeek.Sunday)
        {
            var tomorrow = DayHtml(html, SchedulingHttp.Day(1));
            Assert.Contains("book-link", tomorrow);
            Assert.Contains("booking-cancel-link", tomorrow);
            Assert.DoesNotContain("Đã phát", PageBrowser.TextOf(tomorrow));
        }
    }
}
