using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using BroadcastHub.Web.Tests.EndToEnd;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BroadcastHub.Web.Tests.Browser;

/// <summary>
/// The main flow in one language, through the pages only: sign in, create a commune, upload and approve a
/// bulletin, add a session a few seconds ahead, book the bulletin into it, see it aired in the airtime log, export
/// the log as CSV; then the Users page and a personal token made on the profile. A screenshot is taken at each step.
/// </summary>
internal sealed partial class MainFlow(IPage page, FlowTexts texts, Action<string> log)
{
    public const string Fixture = "bulletin-vi-mono-22k-cbr64.mp3";
    public const double FixtureSeconds = 11.128;
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..4];

    public long CommuneId { get; private set; }
    public long BulletinId { get; private set; }
    public FlowTexts Texts => texts;

    public string CommuneName => (texts.Lang == "vi" ? "Xã Lũng Cú " : "Lung Cu commune ") + _suffix;
    public string Title => (texts.Lang == "vi" ? "Thông báo tiêm chủng " : "Vaccination notice ") + _suffix;

    public async Task SignInAsync()
    {
        await page.GotoAsync("/account/signin");
        if (texts.Lang == "en") await page.Locator("form[action='/language'] button[type=submit]").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", texts.Lang);
        await Expect(page.Locator("h1")).ToHaveTextAsync(texts.SignIn);
        await page.Locator("#UserName").FillAsync("admin");
        await page.Locator("#Password").FillAsync(AppProcess.AdminPassword);
        await ShotAsync("01-sign-in");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#signed-in-user")).ToHaveTextAsync("admin");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", texts.Lang);
        await ShotAsync("02-signed-in");
    }

    public async Task CreateCommuneAsync()
    {
        await page.GotoAsync("/communes");
        await page.Locator("#commune-name").FillAsync(CommuneName);
        await page.Locator("form:has(#commune-name) button[type=submit]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(CommuneName);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = texts.CreatedCommune })).ToBeVisibleAsync();
        CommuneId = long.Parse(CommunePath().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        await ShotAsync("03-commune");
    }

    public async Task UploadAndApproveAsync()
    {
        await page.GotoAsync("/library");
        await page.Locator("#up-title").FillAsync(Title);
        await page.Locator("#up-file").SetInputFilesAsync(Fixtures.File(Fixture));
        await page.Locator("form:has(#up-file) button[type=submit]").ClickAsync();
        var row = page.Locator("#bulletins tbody tr", new() { HasText = Title });
        // Both languages' flows upload the same file into one app: the later one is told so, and stores it anyway.
        var duplicate = page.Locator("#duplicate-warning:not([hidden])");
        await Expect(row.Or(duplicate)).ToBeVisibleAsync();
        if (await duplicate.IsVisibleAsync()) await page.Locator("#upload-anyway").ClickAsync();
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("00:11");
        BulletinId = long.Parse((await row.GetAttributeAsync("data-bulletin-id"))!, CultureInfo.InvariantCulture);
        await ShotAsync("04-uploaded");
        await row.Locator("form[action$='/approve'] button").ClickAsync();
        await Expect(page.Locator($"#bulletin-{BulletinId}")).ToContainTextAsync(texts.Approved);
        await ShotAsync("05-approved");
    }

    /// <summary>Adds an every-day session starting <paramref name="lead"/> from now (station time) and books the bulletin for today.</summary>
    public async Task<DateTimeOffset> BookAheadAsync(TimeSpan lead)
    {
        await page.GotoAsync($"/communes/{CommuneId}");
        var start = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow + lead, Zone);
        start = start.AddTicks(TimeSpan.TicksPerSecond - start.Ticks % TimeSpan.TicksPerSecond);
        await page.Locator("#ss-start").FillAsync(start.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        await page.Locator("#ss-length").FillAsync("2");
        await page.Locator("form:has(#ss-start) button[type=submit]").ClickAsync();
        await Expect(page.Locator("#sessions")).ToContainTextAsync(start.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        await ShotAsync("06-session");

        await page.GotoAsync($"/schedule?communeId={CommuneId}");
        var session = await page.Locator("#bk-session option:not([value=''])").First.GetAttributeAsync("value");
        await page.Locator("#bk-session").SelectOptionAsync(session!);
        await page.Locator("select[name=BulletinIds]").First.SelectOptionAsync(BulletinId.ToString(CultureInfo.InvariantCulture));
        var day = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.Locator("#bk-from").FillAsync(day);
        await page.Locator("#bk-to").FillAsync(day);
        await page.Locator("#booking-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(texts.Booked);
        await Expect(page.Locator("main")).ToContainTextAsync(Title);
        await ShotAsync("07-booked");
        var left = start - DateTimeOffset.UtcNow;
        log($"{texts.Lang}: booked {start:HH:mm:ss} local, {left.TotalSeconds:0.0} s ahead");
        Assert.True(left > TimeSpan.FromSeconds(2), $"booking finished only {left.TotalSeconds:0.0} s before the session; the flow is too slow");
        return start;
    }

    /// <summary>Reloads the airtime log of the commune until the bulletin shows as completed.</summary>
    public async Task WaitUntilAiredAsync(DateTimeOffset start)
    {
        var deadline = start + TimeSpan.FromSeconds(FixtureSeconds + 30);
        await page.GotoAsync($"/airtime?communeId={CommuneId}&from={start:yyyy-MM-dd}");
        var row = page.Locator("#airtime tbody tr", new() { HasText = Title });
        while (!await row.Filter(new() { HasText = texts.Completed }).IsVisibleAsync())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"{texts.Lang}: '{Title}' not shown as {texts.Completed} by {deadline:HH:mm:ss}");
            await Task.Delay(500);
            await page.ReloadAsync();
        }
        await Expect(row).ToContainTextAsync(start.ToString(start.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture));
        await Expect(row).ToContainTextAsync(CommuneName);
        await ShotAsync("08-aired");
    }

    /// <summary>Clicks the CSV export and returns the downloaded file's name and text.</summary>
    public async Task<(string FileName, string Text)> ExportCsvAsync()
    {
        var link = page.GetByRole(AriaRole.Link, new() { Name = texts.ExportCsv });
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = Path.Combine(RepoPaths.Screenshots, $"{texts.Lang}-airtime.csv");
        await download.SaveAsAsync(path);
        await ShotAsync("09-exported");
        return (download.SuggestedFilename, await File.ReadAllTextAsync(path));
    }

    /// <summary>The administrator's Users page (from the menu) and its own profile (from its name), where it makes a personal token.</summary>
    public async Task UsersAndProfileAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = texts.Users, Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(texts.Users);
        await Expect(page.Locator("#users tr[data-user='admin']")).ToBeVisibleAsync();
        await ShotAsync("10-users");
        await page.Locator("#signed-in-user").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(texts.Profile);
        await page.Locator("#token-name").FillAsync("airtime export " + texts.Lang);
        await page.Locator("#token-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#new-token-value")).ToHaveValueAsync(new Regex("^bhp_[A-Za-z0-9_-]{40,}$"));
        await Expect(page.Locator("#tokens")).ToContainTextAsync("airtime export " + texts.Lang);
        await ShotAsync("11-profile-token");
    }

    private async Task ShotAsync(string step)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Screenshots, $"{texts.Lang}-{step}.png"), FullPage = true });
        log($"{texts.Lang}-{step} at {_clock.Elapsed.TotalSeconds:0.0} s");
    }

    [GeneratedRegex(@"/communes/(\d+)")]
    private static partial Regex CommunePath();
}
