using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BroadcastHub.Web.Tests.EndToEnd;
using BroadcastHub.Web.Tests.Security;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace BroadcastHub.Web.Tests.Browser;

/// <summary>
/// Every page on a 390×844 phone in Vietnamese, signed in as Admin with data in the lists: nothing scrolls sideways, the
/// navigation marks the current page, "Phát ngay" is readable, the airtime log is cards with the outcome visible, and
/// the sign-in page can switch language.
/// </summary>
public sealed partial class PhoneLayoutBrowserTests(ITestOutputHelper output)
{
    private const int Width = 390;

    /// <summary>Routes of <see cref="RouteRuleTable"/> that answer with a file or JSON, not a page.</summary>
    private static readonly string[] NotPages =
    [
        "/health", "/hangfire/{**path}", "/library/{id:long}/audio", "/library/{id:long}/waveform", "/airtime/export", "/airtime/export.xlsx",
        "/dashboard/live", "/dashboard/events", // a fragment of the dashboard and its event stream, not pages
        "/airtime/{id:long}/recording", // a relay's recording (audio), not a page
    ];

    [Fact]
    public async Task EveryPageFitsA390PixelPhoneWithoutScrollingSideways()
    {
        Chromium.RequireInstalled();
        await using var app = new AppProcess(new Dictionary<string, string> { ["ASPNETCORE_WEBROOT"] = RepoPaths.WebRoot });
        await app.StartAsync();
        await app.SignInAsync();
        var seed = await SeedAsync(app);
        var pages = PageUrls(seed);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, app.Http.BaseAddress!.ToString());
        var page = await browser.PageAsync();
        await page.SetViewportSizeAsync(Width, 844);
        var failures = new List<string>();

        await page.GotoAsync("/account/signin");
        await AssertFitsAsync(page, "/account/signin", failures);
        await Expect(page.Locator("form[action='/language'] button")).ToBeVisibleAsync();
        await page.Locator("form[action='/language'] button").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.Locator("form[action='/language'] button").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");

        await page.Locator("#UserName").FillAsync("admin");
        await page.Locator("#Password").FillAsync(AppProcess.AdminPassword);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Bảng điều khiển");

        foreach (var url in pages) await AssertFitsAsync(page, url, failures);
        Assert.True(failures.Count == 0, "Wider than the phone:\n" + string.Join("\n", failures));

        await page.GotoAsync($"/airtime?from={seed.Date}");
        await Expect(page.Locator("#airtime thead")).ToBeHiddenAsync();
        await Expect(page.Locator("#airtime tbody tr .badge").First).ToBeVisibleAsync();
        await Expect(page.Locator("#airtime tbody tr").First).ToContainTextAsync("Đã phát đủ");
        await page.Locator(".navbar-toggler").ClickAsync();
        await Expect(page.Locator("#main-nav a[aria-current='page']")).ToHaveAttributeAsync("href", "/airtime");
        await Expect(page.Locator("#main-nav a[aria-current]")).ToHaveCountAsync(1);
        var emergency = page.Locator("#main-nav a[href='/emergency']");
        await Expect(emergency).ToBeVisibleAsync();
        var colours = await emergency.EvaluateAsync<string[]>("a => [getComputedStyle(a).color, getComputedStyle(a).backgroundColor]");
        Assert.Equal(["rgb(255, 255, 255)", "rgb(220, 53, 69)"], colours);
        await ShotAsync(page, "phone-airtime");

        await page.GotoAsync($"/airtime/summary?from={seed.Date}");
        var chartText = await page.Locator("#compliance-chart .chart-commune text").First.EvaluateAsync<double>("t => t.getBoundingClientRect().height");
        Assert.True(chartText >= 11, $"the chart's commune names are {chartText:0.0} px high on a phone");
        await Expect(page.Locator("#summary thead")).ToBeHiddenAsync();
        await Expect(page.Locator("#summary tbody td[data-label='Kế hoạch']").First).ToBeVisibleAsync();
        await ShotAsync(page, "phone-airtime-summary-chart");
    }

    private async Task AssertFitsAsync(IPage page, string url, List<string> failures)
    {
        var response = await page.GotoAsync(url);
        var status = response?.Status ?? 0;
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        output.WriteLine($"{url}: {status}, {width} px");
        await ShotAsync(page, "phone-" + NonWord().Replace(url.Split('?')[0].Trim('/'), "-"));
        if (status != (url == "/account/denied" ? 403 : 200)) failures.Add($"{url}: HTTP {status}");
        else if (width > Width)
        {
            var culprits = await page.EvaluateAsync<string[]>(WidestScript, Width);
            failures.Add($"{url}: {width} px — " + string.Join(" | ", culprits));
        }
    }

    /// <summary>The elements that reach past the viewport's right edge, innermost first, for the failure message.</summary>
    private const string WidestScript = """
        (width) => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > width + 1))
            .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.') + ' → ' + Math.round(e.getBoundingClientRect().right))
        """;

    /// <summary>One URL per page route of the table; a page route not listed here fails the test so new pages get checked too.</summary>
    private static List<string> PageUrls(Seed seed)
    {
        var urls = new Dictionary<string, string>
        {
            ["/"] = "/", ["/dashboard"] = "/dashboard", ["/profile"] = "/profile", ["/account/denied"] = "/account/denied",
            ["/communes"] = "/communes", ["/communes/{id:long}"] = $"/communes/{seed.CommuneId}",
            ["/library"] = "/library", ["/library/{id:long}"] = $"/library/{seed.BulletinId}",
            ["/schedule"] = $"/schedule?communeId={seed.CommuneId}", ["/schedule/week"] = "/schedule/week",
            ["/schedule/bookings/{id:long}/edit"] = $"/schedule/bookings/{seed.BookingId}/edit",
            ["/schedule/bookings/{id:long}"] = $"/schedule/bookings/{seed.BookingId}",
            ["/schedule/bookings/{id:long}/cancel"] = $"/schedule/bookings/{seed.BookingId}/cancel",
            ["/emergency"] = "/emergency", ["/airtime"] = $"/airtime?from={seed.Date}", ["/airtime/summary"] = $"/airtime/summary?from={seed.Date}",
            ["/users"] = "/users", ["/stations"] = "/stations", ["/policies"] = "/policies",
            ["/newsroom/tts"] = "/newsroom/tts", ["/relay"] = "/relay",
        };
        var routes = RouteRuleTable.Rules.Keys.Where(k => k.StartsWith("GET /", StringComparison.Ordinal) && !k.StartsWith("GET /api/", StringComparison.Ordinal))
            .Select(k => k["GET ".Length..]).Where(r => !NotPages.Contains(r) && r != "/account/signin").ToList();
        Assert.Empty(routes.Except(urls.Keys));
        return routes.Select(r => urls[r]).ToList();
    }

    private sealed record Seed(long CommuneId, long BulletinId, long BookingId, string Date);

    /// <summary>A commune and a bulletin with long names, a station, a user, and a booking that airs within seconds.</summary>
    private static async Task<Seed> SeedAsync(AppProcess app)
    {
        var commune = await app.CommuneAsync("Xã Tân Phước Hưng Thịnh Vượng Đông Nam Bộ (cụm loa số 12 đầu kênh)");
        var bulletin = await app.ApprovedToneAsync(2, 440, "Thông báo về lịch tiêm chủng mở rộng và phòng chống sốt xuất huyết mùa mưa năm 2026");
        await AppProcess.JsonAsync(app.Http.PostAsJsonAsync("/api/stations", new { name = "May-phat-xa-Tan-Phuoc-Hung-Thinh-Vuong-01" }));
        var unit = (await AppProcess.JsonAsync(app.Http.PostAsJsonAsync("/api/units",
            new { name = "Trung tâm Văn hóa, Thể thao và Truyền thông khu vực Tân Phước", parentUnitId = (long?)null }))).GetProperty("id").GetInt64();
        await AppProcess.JsonAsync(app.Http.PostAsJsonAsync("/api/users",
            new { userName = "bientapvien.tanphuoc", password = "Mot-Mat-Khau-Dai-2026", role = "Operator", unitId = unit }));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        var start = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(4), zone);
        start = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerSecond));
        var date = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var sessionId = (await AppProcess.JsonAsync(app.Http.PostAsJsonAsync("/api/sessions",
            new { communeId = commune, weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = start.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), lengthMinutes = 1 })))
            .GetProperty("id").GetInt64();
        var bookingId = (await AppProcess.JsonAsync(app.Http.PostAsJsonAsync("/api/bookings", new { sessionId, bulletinIds = new[] { bulletin }, from = date, to = date })))
            .GetProperty("id").GetInt64();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(40);
        while ((await app.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/airtime?from={date}&communeId={commune}")).GetArrayLength() == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the seeded booking did not air");
            await Task.Delay(500);
        }
        return new Seed(commune, bulletin, bookingId, date);
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(RepoPaths.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, name + ".png"), FullPage = true });
    }

    [GeneratedRegex(@"\W+")]
    private static partial Regex NonWord();
}
