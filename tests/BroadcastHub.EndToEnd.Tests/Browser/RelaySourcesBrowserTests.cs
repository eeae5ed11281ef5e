using BroadcastHub.TestStreams;
using BroadcastHub.Web.Tests.EndToEnd;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BroadcastHub.Web.Tests.Browser;

/// <summary>Debian's Chromium, Vietnamese UI: an Admin adds a relay source from the menu, probes it and sees the answer, then deletes it.</summary>
public sealed class RelaySourcesBrowserTests
{
    [Fact]
    public async Task AddProbeAndDeleteARelaySource()
    {
        Chromium.RequireInstalled();
        await using var mp3 = await LiveMp3Server.StartAsync();
        await using var app = new AppProcess(new Dictionary<string, string>
        {
            ["ASPNETCORE_WEBROOT"] = RepoPaths.WebRoot, ["BroadcastHub__Relay__AllowPrivateAddresses"] = "true",
        });
        await app.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, app.Http.BaseAddress!.ToString());
        var page = await browser.PageAsync();
        await AdminSignIn.AsAdminAsync(page);

        await page.Locator("nav a[href='/relay']").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nguồn tiếp sóng");
        await Expect(page.Locator("[data-relay-empty]")).ToBeVisibleAsync();
        var add = page.Locator("form[data-relay-create]");
        await add.Locator("input[name=name]").FillAsync("VOV1 thử");
        await add.Locator("input[name=url]").FillAsync(mp3.Url.AbsoluteUri);
        await add.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".alert-success, [role=status]").First).ToContainTextAsync("Đã thêm nguồn tiếp sóng");

        var row = page.Locator("tr[data-relay-source]");
        await Expect(row).ToHaveCountAsync(1);
        await row.Locator("form[data-relay-probe] button").ClickAsync();
        var answer = page.Locator("[data-probe-result]");
        await Expect(answer).ToContainTextAsync("kết nối được");
        await Expect(answer.Locator("[data-codec]")).ToHaveTextAsync("mp3");
        await Expect(answer).ToContainTextAsync("48000 Hz");

        await page.Locator("tr[data-relay-source] form[data-relay-delete] button").ClickAsync();
        await Expect(page.Locator("[data-relay-empty]")).ToBeVisibleAsync();
    }
}
