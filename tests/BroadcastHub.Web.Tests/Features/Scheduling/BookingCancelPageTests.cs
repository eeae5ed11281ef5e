using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

/// <summary>The booking form lands on the booking's page (a reload books nothing), a repeat is refused with a link to
/// the booking, and a booking is cancelled from a date after a confirmation naming what stops airing.</summary>
[Collection(AppCollection.Name)]
public sealed class BookingCancelPageTests(AppFactory app)
{
    private readonly PlayoutScenario _scenario = new(app);

    private static string Day(int offset) => SchedulingHttp.Day(offset);

    private static string Flat(string html) => System.Text.RegularExpressions.Regex.Replace(PageBrowser.TextOf(html), @"\s+", " ");

    private static string Shown(int offset) =>
        DateOnly.ParseExact(Day(offset), "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Booking_redirects_to_its_page_a_repeat_is_refused_with_a_link_and_cancelling_from_a_date_names_what_stops()
    {
        var http = new SchedulingHttp(app, await app.CreateApiClientAsync());
        var name = "Xã huỷ " + Guid.NewGuid().ToString("N")[..4];
        var commune = await http.CommuneAsync(name);
        var session = await http.SessionAsync(commune, "19:45:00", 30);
        var bulletin = await _scenario.ApprovedToneAsync(1.0);
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        (string, string)[] fields = [("SessionId", $"{session}"), ("BulletinIds", $"{bulletin.Id}"), ("From", Day(1)), ("To", Day(4))];

        var posted = await browser.SubmitAsync($"/schedule?communeId={commune}", "/schedule/book", fields);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var id = http.Scalar("SELECT id FROM bookings WHERE session_id = @session", new { session });
        Assert.Equal($"/schedule/bookings/{id}", posted.Headers.Location?.OriginalString);
        var page = PageBrowser.TextOf(await browser.PageAsync($"/schedule/bookings/{id}"));
        Assert.Contains("Đã đặt lịch phát", page);
        Assert.Contains(name, page);
        Assert.Contains(bulletin.Title, page);
        PageBrowser.TextOf(await browser.PageAsync($"/schedule/bookings/{id}"));
        Assert.Equal(1, http.Scalar("SELECT COUNT(*) FROM bookings WHERE session_id = @session", new { session }));

        var repeat = await browser.SubmitAsync($"/schedule?communeId={commune}", "/schedule/book", fields);
        Assert.Equal(HttpStatusCode.Conflict, repeat.StatusCode);
        var refusal = await PageBrowser.HtmlOf(repeat);
        Assert.Contains($"Lịch này đã được đặt (lịch số {id}", PageBrowser.TextOf(refusal));
        Assert.Contains($"href=\"/schedule/bookings/{id}\"", refusal);
        Assert.Equal(1, http.Scalar("SELECT COUNT(*) FROM bookings WHERE session_id = @session", new { session }));

        var communePage = await browser.PageAsync($"/communes/{commune}");
        Assert.Contains($"href=\"/schedule/bookings/{id}/cancel?returnUrl=%2Fcommunes%2F{commune}\"", communePage);
        var confirm = Flat(await browser.PageAsync($"/schedule/bookings/{id}/cancel?from={Day(3)}&returnUrl=%2Fcommunes%2F{commune}"));
        Assert.Contains(name, confirm);
        Assert.Contains("19:45", confirm);
        Assert.Contains(bulletin.Title, confirm);
        Assert.Contains($"Từ ngày {Shown(3)}", confirm);
        Assert.Equal(0, http.Scalar("SELECT COUNT(*) FROM bookings WHERE id = @id AND cancelled_from IS NOT NULL", new { id }));

        var cancelled = await browser.SubmitAsync($"/schedule/bookings/{id}/cancel?from={Day(3)}", $"/schedule/bookings/{id}/cancel",
            [("From", Day(3)), ("ReturnUrl", $"/communes/{commune}")]);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal($"/communes/{commune}", cancelled.Headers.Location?.OriginalString);
        Assert.Contains($"Đã huỷ lịch số {id} từ ngày {Shown(3)}", PageBrowser.TextOf(await browser.PageAsync($"/communes/{commune}")));
        var listed = (await (await http.Client.GetAsync($"/api/bookings?sessionId={session}")).JsonAsync())[0];
        Assert.Equal(Day(3), listed.GetProperty("cancelledFrom").GetString());
        Assert.Equal("Cancelled", (await http.RundownJsonAsync(session, Day(3))).GetProperty("state").GetString());
        Assert.Equal("Planned", (await http.RundownJsonAsync(session, Day(2))).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Cancelling_the_whole_booking_from_its_page_and_the_week_calendar_marks_it_not_airing()
    {
        var http = new SchedulingHttp(app, await app.CreateApiClientAsync());
        var commune = await http.CommuneAsync("Xã huỷ hết " + Guid.NewGuid().ToString("N")[..4]);
        var session = await http.SessionAsync(commune, "19:15:00", 30);
        var bulletin = await _scenario.ApprovedToneAsync(1.0);
        var id = (await http.BookAsync(new { sessionId = session, bulletinIds = new[] { bulletin.Id }, from = Day(2), to = Day(3) })).GetProperty("id").GetInt64();
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);

        Assert.Contains("id=\"cancel-whole-link\"", await browser.PageAsync($"/schedule/bookings/{id}"));
        Assert.Contains("id=\"cancel-whole-link\"", await browser.PageAsync($"/schedule/bookings/{id}/edit"));
        var week = await browser.PageAsync($"/schedule/week?communeId={commune}&date={Day(2)}");
        Assert.Contains($"href=\"/schedule/bookings/{id}/cancel?from={Day(2)}&returnUrl=", week);
        var whole = Flat(await browser.PageAsync($"/schedule/bookings/{id}/cancel"));
        Assert.Contains("Huỷ toàn bộ lịch này", whole);
        Assert.Contains($"Từ ngày {Shown(2)}", whole);

        var cancelled = await browser.SubmitAsync($"/schedule/bookings/{id}/cancel", $"/schedule/bookings/{id}/cancel", [("From", Day(2))]);
        Assert.Equal($"/schedule/bookings/{id}", cancelled.Headers.Location?.OriginalString);
        Assert.Contains($"Đã huỷ từ ngày {Shown(2)}", PageBrowser.TextOf(await browser.PageAsync($"/schedule/bookings/{id}")));
        var after = await browser.PageAsync($"/schedule/week?communeId={commune}&date={Day(2)}");
        Assert.Contains("Đã huỷ · không phát", PageBrowser.TextOf(after));
        Assert.DoesNotContain($"/schedule/bookings/{id}/cancel", after);
        Assert.Contains("nothing-to-cancel", await browser.PageAsync($"/schedule/bookings/{id}/cancel"));
    }
}
