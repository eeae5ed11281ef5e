using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Features.Library;
using BroadcastHub.Web.Tests.Features.Places;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Dashboard;

[Collection(AppCollection.Name)]
public sealed partial class DashboardPageTests(AppFactory app)
{
    private static DateTimeOffset StationNow => TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7));

    [Fact]
    public async Task OnAirZoneShowsTheBulletinAndTheStopButtonEndsIt()
    {
        var start = StationNow.AddSeconds(12);
        if (start.Date != StationNow.AddSeconds(40).Date) return; // a session cannot straddle local midnight here
        using var admin = await PageBrowser.SignedInAsync(app, Roles.Admin);
        var name = "Xã Thử Dừng " + Guid.NewGuid().ToString("N")[..4];
        var commune = await CommunesPageTests.CreateCommuneAsync(admin, name);
        var startText = start.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        await admin.SubmitAsync($"/communes/{commune}", $"/communes/{commune}/sessions",
            [.. Enumerable.Range(1, 7).Select(d => ("Weekdays", d.ToString(CultureInfo.InvariantCulture))), ("Start", startText), ("LengthMinutes", "5")]);
        var title = "Bản tin phát ngay " + Guid.NewGuid().ToString("N")[..4];
        await admin.UploadAsync(Fixtures.File("bulletin-vi-mono-22k-cbr64.mp3"), title);
        var bulletinId = LibraryPageTests.IdOf(await admin.PageAsync("/library"), title);
        await admin.SubmitAsync("/library", $"/library/{bulletinId}/approve", new Dictionary<string, string>());
        var sessionForm = await admin.PageAsync($"/schedule?communeId={commune}");
        var at = sessionForm.IndexOf($"{startText[..5]} · 5 ", StringComparison.Ordinal);
        var valueAt = sessionForm.LastIndexOf("value=\"", at, StringComparison.Ordinal) + 7;
        var sessionId = sessionForm[valueAt..sessionForm.IndexOf('"', valueAt)];
        var today = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var booked = await admin.FollowAsync(await admin.SubmitAsync("/schedule", "/schedule/book",
            [("SessionId", sessionId), ("BulletinIds", bulletinId.ToString(CultureInfo.InvariantCulture)), ("From", today), ("To", today)]));
        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);

        using var operatorBrowser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var card = await WaitForAsync(operatorBrowser, "/dashboard", html => CardOf(html, name) is { } c && c.Contains("data-on-air=\"true\""), 30);
        var cardHtml = CardOf(card, name)!;
        Assert.Contains(title, cardHtml);
        Assert.Contains("Đang phát", PageBrowser.TextOf(cardHtml));
        Assert.Contains("Dừng phát", cardHtml);
        var zoneId = StopAction().Match(cardHtml).Groups[1].Value;
        await Task.Delay(TimeSpan.FromSeconds(2)); // let some audio air, so the stop cuts a started item

        Assert.Contains($"data-confirm=\"Dừng phát ở {name}? ", cardHtml);

        // Without the confirmation nothing stops: the question names the commune, not its zone number.
        var asked = await operatorBrowser.SubmitAsync("/dashboard", $"/dashboard/stop/{zoneId}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var question = PageBrowser.TextOf(await PageBrowser.HtmlOf(asked));
        Assert.Contains($"Dừng phát ở {name}?", question);
        Assert.DoesNotContain("vùng phát", question);
        Assert.Contains("data-on-air=\"true\"", CardOf(await operatorBrowser.PageAsync("/dashboard"), name)!);

        var stopped = await operatorBrowser.SubmitAsync("/dashboard", $"/dashboard/stop/{zoneId}", new Dictionary<string, string> { ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Contains($"Đã dừng phát ở {name}.", PageBrowser.TextOf(await operatorBrowser.PageAsync("/dashboard")));

        var log = await WaitForAsync(operatorBrowser, $"/airtime?from={today}&to={today}&communeId={commune}", html => html.Contains(title), 10);
        var logText = PageBrowser.TextOf(log[log.IndexOf("id=\"airtime\"", StringComparison.Ordinal)..]);
        Assert.True(logText.Contains("Dừng bởi người vận hành"), logText);

        var nothing = await operatorBrowser.SubmitAsync("/dashboard", $"/dashboard/stop/{zoneId}", new Dictionary<string, string> { ["confirmed"] = "true" });
        Assert.Contains($"{name} không phát gì lúc này: không có gì để dừng", PageBrowser.TextOf(await PageBrowser.HtmlOf(await operatorBrowser.FollowAsync(nothing))));
    }

    private static async Task<string> WaitForAsync(PageBrowser browser, string url, Func<string, bool> ready, int seconds)
    {
        var html = "";
        for (var i = 0; i < seconds * 4; i++)
        {
            html = await browser.PageAsync(url);
            if (ready(html)) return html;
            await Task.Delay(250);
        }
        Assert.Fail($"{url} did not show what was expected within {seconds} s:\n{PageBrowser.TextOf(html)}");
        return html;
    }

    private static string? CardOf(string html, string communeName)
    {
        var at = html.IndexOf($">{communeName}</a>", StringComparison.Ordinal);
        if (at < 0) return null;
        var start = html.LastIndexOf("<div class=\"card zone-card", at, StringComparison.Ordinal);
        var next = html.IndexOf("<div class=\"card zone-card", at, StringComparison.Ordinal);
        return html[start..(next < 0 ? html.Length : next)];
    }

    [GeneratedRegex("/dashboard/stop/(\\d+)")]
    private static partial Regex StopAction();
}
