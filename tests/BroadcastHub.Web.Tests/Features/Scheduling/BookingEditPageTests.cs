using System.Globalization;
using System.Net;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

[Collection(AppCollection.Name)]
public sealed class BookingEditPageTests(AppFactory app)
{
    private readonly PlayoutScenario _scenario = new(app);

    private T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    private DateOnly Day(int offset) => Get<StationClock>().Today.AddDays(offset);

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A fresh commune with a late-evening daily session (after every test's "now" today would not matter: edits here start tomorrow).</summary>
    private (long Commune, long Session) CommuneWithSession()
    {
        var commune = Get<PlacesRepository>().CreateCommune("Xã sửa lịch " + Guid.NewGuid().ToString("N")[..6], null).Id;
        var session = Get<SessionRepository>().Create(commune, Core.Scheduling.IsoWeekdays.Every, new TimeOnly(23, 30), 5);
        return (commune, session.Id);
    }

    private static (string, string)[] Fields(long bulletin, DateOnly from, DateOnly to) =>
    [
        ("BulletinIds", Id(bulletin)), ("BulletinIds", ""), ("From", Text(from)), ("To", Text(to)), ("Mode", "daily"),
        ("Priority", "normal"), ("Repeat", "1"), ("RepeatIntervalSeconds", "0"), ("OnOverflow", "append"),
    ];

    private static string Shape(Core.Scheduling.Booking b) =>
        $"{b.Id} {string.Join(",", b.BulletinIds)} {Text(b.From)}–{Text(b.To)} cancelled {b.CancelledFrom} {b.Mode} {b.Priority}";

    [Fact]
    public async Task AnOperatorEditsAFutureBookingFromTheCommunePage()
    {
        var (commune, session) = CommuneWithSession();
        var (first, second) = (await _scenario.ApprovedToneAsync(1), await _scenario.ApprovedToneAsync(1));
        var booking = Get<BookingRepository>().Create(session, [first.Id], Day(1), Day(4), "test");
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var edit = $"/schedule/bookings/{booking.Id}/edit";
        Assert.Contains($"href=\"{edit}\"", PageSections.After(await browser.PageAsync($"/communes/{commune}"), "id=\"commune-bookings\"", "</table>"));
        Assert.Contains($"href=\"{edit}\"", await browser.PageAsync($"/schedule/week?communeId={commune}&date={Text(Day(1))}"));

        PageSections.EveryPostFormHasAToken(await browser.PageAsync(edit));
        var saved = await browser.SubmitAsync(edit, edit, Fields(second.Id, Day(1), Day(2)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = Get<BookingRepository>().Find(booking.Id)!;
        Assert.Equal([second.Id], stored.BulletinIds);
        Assert.Equal((Day(1), Day(2)), (stored.From, stored.To));
        Assert.Contains($"Đã sửa lịch số {booking.Id}", PageBrowser.TextOf(await browser.PageAsync(edit)));
    }

    [Fact]
    public async Task AnEditOfThePastOrOfAnEndedBookingShowsWhyAndChangesNothing()
    {
        var (_, session) = CommuneWithSession();
        var bulletin = await _scenario.ApprovedToneAsync(1);
        var future = Get<BookingRepository>().Create(session, [bulletin.Id], Day(1), Day(3), "test");
        var ended = Get<BookingRepository>().Create(session, [bulletin.Id], Day(-4), Day(-2), "test");
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);

        var futureEdit = $"/schedule/bookings/{future.Id}/edit";
        var past = await browser.SubmitAsync(futureEdit, futureEdit, Fields(bulletin.Id, Day(-3), Day(-1)));
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var pastHtml = await PageBrowser.HtmlOf(past);
        Assert.Contains("quá khứ giữ nguyên như đã phát", PageBrowser.TextOf(pastHtml));
        Assert.Contains($"value=\"{Text(Day(-1))}\"", pastHtml);

        var endedEdit = $"/schedule/bookings/{ended.Id}/edit";
        Assert.Contains("không còn buổi nào để sửa", PageBrowser.TextOf(await browser.PageAsync(endedEdit)));
        var refused = await browser.SubmitAsync(endedEdit, endedEdit, Fields(bulletin.Id, Day(1), Day(2)));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Lịch này đã phát xong hoặc đã bị huỷ", PageBrowser.TextOf(PageSections.After(await PageBrowser.HtmlOf(refused), "id=\"booking-edit-form\"", "</form>")));

        Assert.Equal([Shape(future), Shape(ended)], Get<BookingRepository>().ListForSession(session, Day(-30), Day(30)).Select(Shape));
        await browser.PageAsync("/schedule/bookings/987654/edit", HttpStatusCode.NotFound);
    }
}
