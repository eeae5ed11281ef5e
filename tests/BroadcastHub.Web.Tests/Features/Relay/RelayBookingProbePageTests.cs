using System.Globalization;
using System.Net;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Features.Scheduling;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Relay;

/// <summary>The pages (Vietnamese first): a relay booked on /schedule while its source is unreachable shows the warning;
/// /relay says why a source still booked cannot be deleted.</summary>
[Collection(AppCollection.Name)]
public sealed class RelayBookingProbePageTests(AppFactory app)
{
    [Fact]
    public async Task A_relay_booked_on_the_page_while_its_source_is_unreachable_shows_the_warning_then_cannot_be_deleted()
    {
        var w = await RelayBookingProbeApiTests.WorldAsync(app);
        var source = await w.SourceAsync(RelayBookingProbeApiTests.NobodyListens());
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Admin);
        var booked = await browser.SubmitAsync($"/schedule?communeId={w.CommuneId}", "/schedule/book", new Dictionary<string, string>
        {
            ["SessionId"] = w.SessionId.ToString(CultureInfo.InvariantCulture), ["From"] = w.Date, ["To"] = w.Date,
            ["RelaySourceId"] = source.ToString(CultureInfo.InvariantCulture), ["RelayMinutes"] = "5",
        });
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var html = await PageBrowser.HtmlOf(await browser.FollowAsync(booked));
        Assert.Contains("data-booking-warning=\"relay_unreachable\"", html);
        Assert.Contains("hiện không kết nối được tới nguồn", PageBrowser.TextOf(html));
        Assert.Equal(1, w.Bookings);

        var refused = await browser.SubmitAsync("/relay", $"/relay/{source}/delete", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Nguồn đang được dùng: còn 1 lịch đặt", PageBrowser.TextOf(await PageBrowser.HtmlOf(refused)));
    }

    [Fact]
    public async Task A_source_that_is_not_audio_is_refused_on_the_booking_form()
    {
        await using var streams = await ProbeStreams.StartAsync();
        var w = await RelayBookingProbeApiTests.WorldAsync(app);
        var source = await w.SourceAsync(streams.Url("page.html"));
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var refused = await browser.SubmitAsync($"/schedule?communeId={w.CommuneId}", "/schedule/book", new Dictionary<string, string>
        {
            ["SessionId"] = w.SessionId.ToString(CultureInfo.InvariantCulture), ["From"] = w.Date, ["To"] = w.Date,
            ["RelaySourceId"] = source.ToString(CultureInfo.InvariantCulture), ["RelayUntilEnd"] = "true",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("không phải luồng âm thanh", PageBrowser.TextOf(await PageBrowser.HtmlOf(refused)));
        Assert.Equal(0, w.Bookings);
    }
}
