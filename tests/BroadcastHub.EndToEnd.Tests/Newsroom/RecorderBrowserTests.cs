using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using BroadcastHub.Web.Tests.Browser;
using BroadcastHub.Web.Tests.EndToEnd;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BroadcastHub.Web.Tests.Newsroom;

/// <summary>
/// Debian's Chromium with a fake microphone, on a 390-pixel phone: the library page records a few seconds (pausing once),
/// trims half a second off each end, saves, and the bulletin awaits approval with exactly the trimmed length.
/// </summary>
public sealed partial class RecorderBrowserTests
{
    [Fact]
    public async Task A_recording_is_trimmed_and_saved_as_a_bulletin_awaiting_approval_with_its_trimmed_length()
    {
        Chromium.RequireInstalled();
        await using var app = new AppProcess(new Dictionary<string, string> { ["ASPNETCORE_WEBROOT"] = RepoPaths.WebRoot });
        await app.StartAsync();
        await app.SignInAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, app.Http.BaseAddress!.ToString(),
            extraArguments: ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required"]);
        var page = await browser.PageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await AdminSignIn.AsAdminAsync(page);

        await page.GotoAsync("/library");
        await Expect(page.Locator("#recorder")).ToBeVisibleAsync();
        await page.Locator("#rec-start").ClickAsync();
        await Expect(page.Locator("#rec-counter")).ToHaveTextAsync(new Regex("^00:0[2-9]"));
        await page.Locator("#rec-pause").ClickAsync();
        var paused = await page.Locator("#rec-counter").TextContentAsync();
        await page.WaitForTimeoutAsync(800);
        await Expect(page.Locator("#rec-counter")).ToHaveTextAsync(paused!);
        await page.Locator("#rec-pause").ClickAsync();
        await Expect(page.Locator("#rec-counter")).ToHaveTextAsync(new Regex("^00:0[3-9]"));
        await page.Locator("#rec-stop").ClickAsync();
        await Expect(page.Locator("#rec-review")).ToBeVisibleAsync();

        await page.Locator("#rec-trim-start").FillAsync("0.5");
        await page.Locator("#rec-trim-end").FillAsync("0.5");
        var length = page.Locator("#rec-length");
        var rate = long.Parse((await length.GetAttributeAsync("data-rate"))!, CultureInfo.InvariantCulture);
        var total = long.Parse((await length.GetAttributeAsync("data-total"))!, CultureInfo.InvariantCulture);
        var frames = long.Parse((await length.GetAttributeAsync("data-frames"))!, CultureInfo.InvariantCulture);
        Assert.InRange(total / (double)rate, 2.5, 15);
        Assert.Equal(total - 2 * (long)Math.Round(0.5 * rate), frames);
        await page.Locator("#rec-listen").ClickAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the recorder is wider than the phone");
        Directory.CreateDirectory(RepoPaths.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "newsroom-recorder-phone.png"), FullPage = true });

        var title = "Ghi âm " + Guid.NewGuid().ToString("N")[..4];
        await page.Locator("#rec-title").FillAsync(title);
        await page.Locator("#rec-until").FillAsync("2099-12-31");
        await page.Locator("#rec-save").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/library/\d+$"));
        await Expect(page.Locator("#bulletin-status")).ToContainTextAsync("Chờ phê duyệt");
        await Expect(page.Locator("#source-kind")).ToBeVisibleAsync();

        var id = long.Parse(Id().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        var bulletin = await app.Http.GetFromJsonAsync<JsonElement>($"/api/bulletins/{id}");
        Assert.Equal(title, bulletin.GetProperty("title").GetString());
        Assert.Equal("PendingApproval", bulletin.GetProperty("status").GetString());
        Assert.Equal("recording", bulletin.GetProperty("sourceKind").GetString());
        Assert.Equal(frames, bulletin.GetProperty("frames").GetInt64());
        Assert.Equal(rate, bulletin.GetProperty("sampleRate").GetInt64());
        Assert.Equal("2099-12-31", bulletin.GetProperty("validUntil").GetString());
    }

    [GeneratedRegex(@"/library/(\d+)$")]
    private static partial Regex Id();
}
