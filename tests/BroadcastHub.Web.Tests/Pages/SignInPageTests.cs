using System.Net;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Pages;

[Collection(AppCollection.Name)]
public sealed class SignInPageTests(AppFactory app)
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
}
