using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BroadcastHub.Web.Tests.EndToEnd;
using BroadcastHub.Web.Tests.Features.Library;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BroadcastHub.Web.Tests.Browser;

/// <summary>
/// The library in Vietnamese with four eyes on: a second upload of the same file warns and links the bulletin holding it
/// (or is stored on "Vẫn tải lên"); a second reviewer approves from the phone-sized list; a rejection without a reason
/// stays on the bulletin's page with the error beside its form; nothing scrolls sideways at 390 px.
/// </summary>
public sealed class LibraryReviewBrowserTests
{
    private const string Password = "Kiem-Duyet-2026!";

    [Fact]
    public async Task ADuplicateUploadWarnsWithALinkAndASecondReviewerApprovesOnAPhone()
    {
        await using var rig = await RigAsync();
        var page = await rig.SignInAsync(rig.Uploader, rig.UploaderName, Password);
        var path = UniqueUpload.File(UniqueUpload.Wav());
        try
        {
            var first = UniqueUpload.Title("Thông báo họp dân");
            var id = await UploadAsync(page, first, path);
            await Expect(page.Locator("#duplicate-warning")).ToBeHiddenAsync();

            var second = UniqueUpload.Title("Thông báo họp dân bản hai");
            await page.Locator("#up-title").FillAsync(second);
            await page.Locator("#up-file").SetInputFilesAsync(path);
            await page.Locator("#upload-form button[type=submit]").ClickAsync();
            await Expect(page.Locator("#duplicate-warning")).ToBeVisibleAsync();
            await Expect(page.Locator("#duplicate-warning")).ToContainTextAsync("Tệp này đã có trong thư viện");
            await Expect(page.Locator("#duplicate-link")).ToHaveTextAsync(first);
            await Expect(page.Locator("#duplicate-link")).ToHaveAttributeAsync("href", $"/library/{id}");
            await Expect(page.Locator("#upload-anyway")).ToBeVisibleAsync();
            await Expect(page.Locator("#bulletins")).Not.ToContainTextAsync(second);
            await Shot(page, "library-duplicate-warning.png");
            await page.Locator("#duplicate-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/library/{id}$"));
            await Expect(page.Locator("h1")).ToContainTextAsync(first);

            var reviewer = await rig.SignInAsync(rig.Reviewer, rig.ReviewerName, Password);
            await reviewer.SetViewportSizeAsync(390, 844);
            await reviewer.GotoAsync("/library?status=PendingApproval");
            var card = reviewer.Locator($"#bulletin-{id}");
            await Expect(card.Locator("a.bulletin-link")).ToBeVisibleAsync();
            await Expect(card.Locator(".badge")).ToHaveTextAsync("Chờ phê duyệt");
            await Expect(card.Locator(".review-approve button")).ToBeVisibleAsync();
            await Expect(card.Locator(".review-reject button")).ToBeVisibleAsync();
            await Expect(reviewer.Locator("#bulletins thead")).ToBeHiddenAsync();
            await AssertNoSidewaysScrollAsync(reviewer);
            await Shot(reviewer, "library-phone-cards.png");
            await card.Locator(".review-approve button").ClickAsync();
            await Expect(reviewer.Locator($"#bulletin-{id} .badge")).ToHaveTextAsync("Đã phê duyệt");
            await AssertNoSidewaysScrollAsync(reviewer);
            await reviewer.GotoAsync($"/library/{id}");
            await Expect(reviewer.Locator("#bulletin-status")).ToHaveTextAsync("Đã phê duyệt");
            await AssertNoSidewaysScrollAsync(reviewer);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task UploadAnywayStoresASecondCopyAndARejectionWithoutAReasonStaysOnItsPage()
    {
        await using var rig = await RigAsync();
        var page = await rig.SignInAsync(rig.Uploader, rig.UploaderName, Password);
        var path = UniqueUpload.File(UniqueUpload.Wav());
        try
        {
            await UploadAsync(page, UniqueUpload.Title("Lịch tiêm chủng"), path);
            var copy = UniqueUpload.Title("Lịch tiêm chủng bản sao");
            await page.Locator("#up-title").FillAsync(copy);
            await page.Locator("#up-file").SetInputFilesAsync(path);
            await page.Locator("#upload-form button[type=submit]").ClickAsync();
            await page.Locator("#upload-anyway").ClickAsync();
            var row = page.Locator("#bulletins tbody tr", new() { HasText = copy });
            await Expect(row).ToBeVisibleAsync();
            var id = long.Parse((await row.GetAttributeAsync("data-bulletin-id"))!, CultureInfo.InvariantCulture);

            var reviewer = await rig.SignInAsync(rig.Reviewer, rig.ReviewerName, Password);
            await reviewer.SetViewportSizeAsync(390, 844);
            await reviewer.GotoAsync($"/library/{id}");
            await AssertNoSidewaysScrollAsync(reviewer);
            await reviewer.Locator("#reject-form button[type=submit]").ClickAsync();
            await Expect(reviewer.Locator("#reject-reason-error")).ToContainTextAsync("Hãy ghi lý do từ chối");
            await Expect(reviewer).ToHaveURLAsync(new Regex($"/library/{id}$"));
            await Expect(reviewer.Locator("h1")).ToContainTextAsync(copy);
            await Expect(reviewer.Locator("#bulletin-status")).ToHaveTextAsync("Chờ phê duyệt");
            await Expect(reviewer.Locator("#reject-form #reject-reason")).ToBeVisibleAsync();
            await AssertNoSidewaysScrollAsync(reviewer);
            await Shot(reviewer, "library-reject-needs-reason.png");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<long> UploadAsync(IPage page, string title, string path)
    {
        await page.GotoAsync("/library");
        await page.Locator("#up-title").FillAsync(title);
        await page.Locator("#up-file").SetInputFilesAsync(path);
        await page.Locator("#upload-form button[type=submit]").ClickAsync();
        var row = page.Locator("#bulletins tbody tr", new() { HasText = title });
        await Expect(row).ToBeVisibleAsync();
        return long.Parse((await row.GetAttributeAsync("data-bulletin-id"))!, CultureInfo.InvariantCulture);
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"{page.Url} is {width} px wide at a 390 px viewport");
    }

    private static async Task Shot(IPage page, string name)
    {
        Directory.CreateDirectory(RepoPaths.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, name), FullPage = true });
    }

    private static async Task<Rig> RigAsync()
    {
        Chromium.RequireInstalled();
        var app = new AppProcess(new Dictionary<string, string>
        {
            ["ASPNETCORE_WEBROOT"] = RepoPaths.WebRoot,
            ["BroadcastHub__Approval__FourEyes"] = "true",
        });
        await app.StartAsync();
        await app.SignInAsync();
        var unit = await AppProcess.JsonAsync(app.Http.PostAsJsonAsync("/api/units", new { name = "Trung tâm " + Guid.NewGuid().ToString("N")[..4] }));
        var unitId = unit.GetProperty("id").GetInt64();
        var uploaderName = "bientap-" + Guid.NewGuid().ToString("N")[..6];
        var reviewerName = "kiemduyet-" + Guid.NewGuid().ToString("N")[..6];
        await AppProcess.JsonAsync(app.Http.PostAsJsonAsync("/api/users", new { userName = uploaderName, password = Password, role = "Operator", unitId }));
        await AppProcess.JsonAsync(app.Http.PostAsJsonAsync("/api/users", new { userName = reviewerName, password = Password, role = "Supervisor", unitId }));
        var playwright = await Playwright.CreateAsync();
        var baseUrl = app.Http.BaseAddress!.ToString();
        return new Rig(app, playwright, uploaderName, reviewerName,
            await Chromium.LaunchAsync(playwright, baseUrl), await Chromium.LaunchAsync(playwright, baseUrl));
    }

    /// <summary>The running app and two browsers of one unit's people: the uploading operator's and the supervisor's.</summary>
    private sealed record Rig(
        AppProcess App, IPlaywright Playwright, string UploaderName, string ReviewerName, Chromium.Session Uploader, Chromium.Session Reviewer)
        : IAsyncDisposable
    {
        public async Task<IPage> SignInAsync(Chromium.Session browser, string userName, string password)
        {
            var page = await browser.PageAsync();
            await page.GotoAsync("/account/signin");
            await page.Locator("#UserName").FillAsync(userName);
            await page.Locator("#Password").FillAsync(password);
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator("#signed-in-user")).ToHaveTextAsync(userName);
            return page;
        }

        public async ValueTask DisposeAsync()
        {
            await Reviewer.DisposeAsync();
            await Uploader.DisposeAsync();
            Playwright.Dispose();
            await App.DisposeAsync();
        }
    }
}
