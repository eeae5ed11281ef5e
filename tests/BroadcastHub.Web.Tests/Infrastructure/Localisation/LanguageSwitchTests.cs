using System.Net;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Infrastructure.Localisation;

[Collection(AppCollection.Name)]
public sealed class LanguageSwitchTests(AppFactory app)
{
    [Fact]
    public async Task SwitchingToEnglishShowsEnglishAndBackToVietnamese()
    {
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        Assert.Contains("Thư viện bản tin", await browser.PageAsync("/library"));

        var response = await browser.SubmitAsync("/library", "/language",
            new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/library" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/library", response.Headers.Location!.OriginalString);
        var english = PageBrowser.TextOf(await browser.PageAsync("/library"));
        Assert.Contains("Bulletin library", english);
        Assert.Contains("Upload a bulletin", english);
        Assert.Contains("Sign out", english);
        Assert.DoesNotContain("Tải lên bản tin", english);

        await browser.SubmitAsync("/library", "/language", new Dictionary<string, string> { ["culture"] = "vi-VN", ["returnUrl"] = "/" });
        Assert.Contains("Bảng điều khiển", PageBrowser.TextOf(await browser.PageAsync("/")));
    }

    [Fact]
    public async Task LanguageSwitchNeverRedirectsOffSite()
    {
        using var browser = PageBrowser.Anonymous(app);
        var response = await browser.SubmitAsync("/account/signin", "/language",
            new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "https://evil.example/" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains("Sign in", PageBrowser.TextOf(await browser.PageAsync("/account/signin")));
    }
}
