using System.Globalization;
using System.Net;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using static BroadcastHub.Web.Tests.Features.Scheduling.SchedulingHttp;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

[Collection(AppCollection.Name)]
public sealed class OverflowChoicePageTests(AppFactory app)
{
    private readonly PlayoutScenario _scenario = new(app);

    [Fact]
    public async Task The_booking_form_offers_the_three_overflow_choices_and_replace_says_what_it_replaced()
    {
        var http = new SchedulingHttp(app, await app.CreateApiClientAsync());
        var sessionId = await http.SessionAsync(await http.CommuneAsync("Xã trang đặt lịch"), "22:00:00", 1);
        var (first, second) = (await _scenario.ApprovedToneAsync(40), await _scenario.ApprovedToneAsync(30));
        var existing = (await http.BookAsync(new { sessionId, bulletinIds = new[] { first.Id }, from = Day(1), to = Day(1) })).GetProperty("id").GetInt64();
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);

        var form = await browser.PageAsync("/schedule");
        foreach (var choice in new[] { "append", "replace", "cancel" }) Assert.Contains($"value=\"{choice}\"", form);

        var booked = await browser.FollowAsync(await browser.SubmitAsync("/schedule", "/schedule/book",
            [("SessionId", sessionId.ToString(CultureInfo.InvariantCulture)), ("BulletinIds", second.Id.ToString(CultureInfo.InvariantCulture)),
             ("From", Day(1)), ("To", Day(1)), ("OnOverflow", "replace")]));
        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        Assert.Contains($"Đã thay thế lịch số {existing}", PageBrowser.TextOf(await PageBrowser.HtmlOf(booked)));
        Assert.Equal([second.Id], (await http.RundownAsync(sessionId, Day(1))).Select(i => i.Bulletin));
    }
}
