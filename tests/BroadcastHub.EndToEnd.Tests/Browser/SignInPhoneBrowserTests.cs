using BroadcastHub.Web.Tests.EndToEnd;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BroadcastHub.Web.Tests.Browser;

/// <summary>On a phone (390×844) the sign-in page switches language before anyone signs in, without sideways scrolling.</summary>
public sealed class SignInPhoneBrowserTests
{
    [Fact]
    public async Task OnAPhoneTheSignInPageSwitchesToEnglishAndBack()
    {
        Chromium.RequireInstalled();
        await using var app = new AppProcess(new Dictionary<string, string> { ["ASPNETCORE_WEBROOT"] = RepoPaths.WebRoot });
        await app.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, app.Http.BaseAddress!.ToString());
        var page = await browser.PageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/account/signin?ReturnUrl=%2Fairtime");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập");

        var toggle = page.Locator("#language-switch button[type=submit]");
        await Expect(toggle).ToBeVisibleAsync();
        await Expect(toggle).ToHaveTextAsync("English");
        await toggle.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await Expect(page.Locator("label[for=UserName]")).ToHaveTextAsync("User name");
        Assert.EndsWith("/account/signin?ReturnUrl=%2Fairtime", page.Url);
        var wide = await page.EvaluateAsync<string>("""
            () => document.documentElement.scrollWidth + ' ' + window.innerWidth + ' ' + [...document.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth)
                .map(e => e.tagName + '.' + e.className + '#' + e.id + ':' + Math.round(e.getBoundingClientRect().right)).join(' | ')
            """);
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways: " + wide);

        await page.Locator("#language-switch button[type=submit]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập");
    }
}
