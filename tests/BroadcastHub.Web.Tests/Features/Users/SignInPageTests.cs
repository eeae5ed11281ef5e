using System.Net;
using System.Text.RegularExpressions;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Users;

[Collection(AppCollection.Name)]
public sealed partial class SignInPageTests(AppFactory app)
{
    [Fact]
    public async Task AnonymousVisitorIsSentToTheSignInForm()
    {
        using var browser = PageBrowser.Anonymous(app);
        var response = await browser.Client.GetAsync("/library");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        var html = await browser.PageAsync("/account/signin");
        Assert.Contains("Đăng nhập", html);
        Assert.Contains("Mật khẩu", html);
    }

    [Fact]
    public async Task AdminSignsInThroughTheFormAndSeesTheDashboard()
    {
        using var browser = await PageBrowser.SignedInAsync(app, "admin", AppFactory.AdminPassword);
        var html = PageBrowser.TextOf(await browser.PageAsync("/"));
        Assert.Contains("Bảng điều khiển", html);
        Assert.Contains("Thư viện bản tin", html);
        Assert.Contains("Hangfire", html);
        Assert.Contains("admin", html);
    }

    [Fact]
    public async Task TheSignInPageSwitchesLanguageWithoutSigningInAndKeepsWhereItLeads()
    {
        using var browser = PageBrowser.Anonymous(app);
        var signIn = await browser.PageAsync("/account/signin?ReturnUrl=%2Fairtime");
        // Before sign-in the navigation bar has no menu button, so on a phone its collapsed part never shows: the switch
        // must sit outside it, and lead back to this very page (with where the visitor was going).
        var switchAt = signIn.IndexOf("id=\"language-switch\"", StringComparison.Ordinal);
        Assert.True(switchAt >= 0, "no language switch on the sign-in page");
        Assert.True(switchAt < signIn.IndexOf("navbar-collapse", StringComparison.Ordinal), "the language switch is in the collapsed navigation");
        var languageForm = signIn[switchAt..signIn.IndexOf("</form>", switchAt, StringComparison.Ordinal)];
        Assert.Contains("action=\"/language\"", languageForm);
        Assert.Contains("name=\"culture\" value=\"en-US\"", languageForm);
        Assert.Contains("name=\"returnUrl\" value=\"/account/signin?ReturnUrl=%2Fairtime\"", languageForm);
        Assert.Single(LanguageForms().Matches(signIn));

        var toEnglish = await browser.SubmitAsync("/account/signin?ReturnUrl=%2Fairtime", "/language",
            new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/account/signin?ReturnUrl=%2Fairtime" });
        Assert.Equal(HttpStatusCode.Redirect, toEnglish.StatusCode);
        Assert.Equal("/account/signin?ReturnUrl=%2Fairtime", toEnglish.Headers.Location!.OriginalString);
        var english = await browser.PageAsync(toEnglish.Headers.Location.OriginalString);
        Assert.Contains("User name", PageBrowser.TextOf(english));
        Assert.Contains("Sign in", PageBrowser.TextOf(english));
        Assert.DoesNotContain("Mật khẩu", PageBrowser.TextOf(english));
        Assert.Contains("<html lang=\"en\"", english);

        // Signing in after the switch still leads where the visitor was going, in English.
        var userName = "lang-" + Guid.NewGuid().ToString("N")[..6];
        var password = app.CreateUser(userName, Roles.Operator);
        var signedIn = await browser.SubmitAsync("/account/signin?ReturnUrl=%2Fairtime", "/account/signin",
            new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password, ["ReturnUrl"] = "/airtime" });
        Assert.Equal("/airtime", signedIn.Headers.Location!.OriginalString);
        Assert.Contains("Sign out", PageBrowser.TextOf(await browser.PageAsync("/airtime")));
        await browser.SubmitAsync("/airtime", "/account/signout", new Dictionary<string, string>());

        var toVietnamese = await browser.SubmitAsync("/account/signin", "/language",
            new Dictionary<string, string> { ["culture"] = "vi-VN", ["returnUrl"] = "/account/signin" });
        Assert.Equal(HttpStatusCode.Redirect, toVietnamese.StatusCode);
        var vietnamese = PageBrowser.TextOf(await browser.PageAsync("/account/signin"));
        Assert.Contains("Tên đăng nhập", vietnamese);
        Assert.Contains("Mật khẩu", vietnamese);
    }

    [Fact]
    public async Task WrongPasswordIsRefusedWithAMessageAndTheUserNameKept()
    {
        using var browser = PageBrowser.Anonymous(app);
        var response = await browser.SubmitAsync("/account/signin", "/account/signin",
            new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = "not-the-password" });
        var html = PageBrowser.TextOf(await PageBrowser.HtmlOf(response));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sai tên đăng nhập hoặc mật khẩu", html);
        Assert.Contains("value=\"admin\"", await PageBrowser.HtmlOf(response));
        Assert.DoesNotContain("bh.auth", string.Join(";", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
    }

    [Fact]
    public async Task SignInGoesToALocalReturnUrlButNeverOffSite()
    {
        var userName = "op-" + Guid.NewGuid().ToString("N")[..6];
        var password = app.CreateUser(userName, Roles.Operator);
        foreach (var (returnUrl, expected) in new[] { ("/airtime", "/airtime"), ("https://evil.example/x", "/"), ("//evil.example", "/") })
        {
            using var browser = PageBrowser.Anonymous(app);
            var response = await browser.SubmitAsync("/account/signin", "/account/signin",
                new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password, ["ReturnUrl"] = returnUrl });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(expected, response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task SignOutIsAPostAndEndsTheSession()
    {
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var response = await browser.SubmitAsync("/", "/account/signout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await browser.Client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/signin", after.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PostWithoutAntiforgeryTokenIsRefused()
    {
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Admin);
        var response = await browser.Client.PostAsync("/communes/units",
            new FormUrlEncodedContent([new KeyValuePair<string, string>("Name", "Không có token")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Không có token", await browser.PageAsync("/communes"));
    }

    [GeneratedRegex("action=\"/language\"")]
    private static partial Regex LanguageForms();
}
