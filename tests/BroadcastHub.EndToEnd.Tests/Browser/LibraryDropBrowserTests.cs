using BroadcastHub.Web.Tests.EndToEnd;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BroadcastHub.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium drops files onto the library's drop zone: a refused file shows the server's specific message, a good
/// one fills the progress bar, appears in the list, and its page draws the waveform.
/// </summary>
public sealed class LibraryDropBrowserTests
{
    private const string DropScript = """
        ([base64, name, type]) => {
            const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name, { type }));
            const zone = document.getElementById('drop-zone');
            for (const kind of ['dragenter', 'dragover', 'drop'])
                zone.dispatchEvent(new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: transfer }));
        }
        """;

    [Fact]
    public async Task DroppedFileUploadsWithProgressAndIsListedAndARefusalShowsItsMessage()
    {
        Chromium.RequireInstalled();
        await using var app = new AppProcess(new Dictionary<string, string> { ["ASPNETCORE_WEBROOT"] = RepoPaths.WebRoot });
        await app.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, app.Http.BaseAddress!.ToString());
        var page = await browser.PageAsync();
        await AdminSignIn.AsAdminAsync(page);

        await page.GotoAsync("/library");
        await page.EvaluateAsync(DropScript, new[] { Convert.ToBase64String("plain text, not audio"u8.ToArray()), "gia.mp3", "audio/mpeg" });
        await Expect(page.Locator("#up-title")).ToHaveValueAsync("gia");
        await page.Locator("#upload-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#upload-message")).ToContainTextAsync("Không nhận ra định dạng âm thanh");
        await Expect(page.Locator("#upload-progress .progress-bar")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("bg-danger"));
        Directory.CreateDirectory(RepoPaths.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "library-drop-refused.png") });

        var title = "Bản tin kéo thả " + Guid.NewGuid().ToString("N")[..4];
        await page.Locator("#up-title").FillAsync(title);
        await page.EvaluateAsync(DropScript, new[] { Convert.ToBase64String(ToneWav.Create(1.0)), "keo-tha.wav", "audio/wav" });
        await Expect(page.Locator("#drop-zone")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("has-file"));
        await page.Locator("#upload-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#upload-progress")).ToHaveAttributeAsync("aria-valuenow", "100");
        await Expect(page.Locator("#bulletins")).ToContainTextAsync(title);
        await Expect(page.Locator("main")).ToContainTextAsync($"Đã tải lên bản tin \"{title}\"");

        await page.Locator("#bulletins a.bulletin-link", new() { HasText = title }).ClickAsync();
        await Expect(page.Locator("#waveform")).ToHaveAttributeAsync("data-points", "600");
        await Expect(page.Locator("#history")).ToContainTextAsync("Tải lên");
        Directory.CreateDirectory(RepoPaths.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, "library-bulletin-waveform.png"), FullPage = true });
    }
}
