using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Web.Tests.EndToEnd;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BroadcastHub.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium, Vietnamese UI: book through the form, reload the result page (nothing is booked again), cancel
/// from a date after the confirmation naming what stops airing, and see the week calendar mark it not airing from then.
/// </summary>
public sealed class BookingCancelBrowserTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Zone).DateTime);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task BookReloadCancelFromADateAndTheWeekShowsItNotAiring()
    {
        Chromium.RequireInstalled();
        await using var app = new AppProcess(new Dictionary<string, string> { ["ASPNETCORE_WEBROOT"] = RepoPaths.WebRoot });
        await app.StartAsync();
        await app.SignInAsync();
        var name = "Xã Mèo Vạc " + Guid.NewGuid().ToString("N")[..4];
        var communeId = await app.CommuneAsync(name);
        var sessionId = (await AppProcess.JsonAsync(app.Http.PostAsJsonAsync("/api/sessions",
            new { communeId, weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = "17:30:00", lengthMinutes = 30 }))).GetProperty("id").GetInt64();
        var title = "Bản tin phòng cháy " + name[^4..];
        var bulletinId = await app.ApprovedToneAsync(1.0, 440, title);
        var (first, cancelFrom, last) = (Today.AddDays(1), Today.AddDays(3), Today.AddDays(4));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, app.Http.BaseAddress!.ToString());
        var page = await browser.PageAsync();
        await AdminSignIn.AsAdminAsync(page);

        await page.GotoAsync($"/schedule?communeId={communeId}");
        await page.Locator("#bk-session").SelectOptionAsync(sessionId.ToString(CultureInfo.InvariantCulture));
        await page.Locator("select[name=BulletinIds]").First.SelectOptionAsync(bulletinId.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#bk-from").FillAsync(Iso(first));
        await page.Locator("#bk-to").FillAsync(Iso(last));
        await page.Locator("#booking-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đã đặt lịch phát");
        await Expect(page.Locator("#booking-summary")).ToContainTextAsync(name);
        var bookingId = long.Parse((await page.Locator("#booking-summary").GetAttributeAsync("data-booking-id"))!, CultureInfo.InvariantCulture);
        Assert.EndsWith($"/schedule/bookings/{bookingId}", page.Url);

        await page.ReloadAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đã đặt lịch phát");
        await Expect(page.Locator("main")).ToContainTextAsync(title);
        Assert.Equal([bookingId], await BookingIdsAsync(app, sessionId));

        await page.Locator("#cancel-from").FillAsync(Iso(cancelFrom));
        await page.Locator("#cancel-from-button").ClickAsync();
        var confirmation = page.Locator("#cancel-confirmation");
        await Expect(confirmation).ToContainTextAsync(name);
        await Expect(confirmation).ToContainTextAsync("17:30");
        await Expect(confirmation).ToContainTextAsync(title);
        await Expect(confirmation).ToContainTextAsync(cancelFrom.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(RepoPaths.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "booking-cancel-confirm.png"), FullPage = true });
        await page.Locator("#cancel-confirm").ClickAsync();
        await Expect(page.Locator("#booking-cancelled")).ToContainTextAsync(cancelFrom.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        Assert.Equal([bookingId], await BookingIdsAsync(app, sessionId));

        foreach (var day in Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays))
        {
            await page.GotoAsync($"/schedule/week?communeId={communeId}&date={Iso(day)}");
            var cell = page.Locator($".week-day[data-date='{Iso(day)}'] .week-session[data-session-id='{sessionId}']");
            if (day < cancelFrom)
            {
                await Expect(cell).ToContainTextAsync(title);
                await Expect(cell.Locator(".cancelled-flag")).ToHaveCountAsync(0);
            }
            else await Expect(cell.Locator(".cancelled-flag")).ToHaveTextAsync("Đã huỷ · không phát");
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "booking-cancel-week.png"), FullPage = true });
    }

    private static async Task<long[]> BookingIdsAsync(AppProcess app, long sessionId)
    {
        var list = await app.Http.GetFromJsonAsync<JsonElement>($"/api/bookings?sessionId={sessionId}");
        return list.EnumerateArray().Select(b => b.GetProperty("id").GetInt64()).ToArray();
    }
}
