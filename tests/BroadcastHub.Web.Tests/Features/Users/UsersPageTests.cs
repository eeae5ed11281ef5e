using System.Net;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Users;

[Collection(AppCollection.Name)]
public sealed class UsersPageTests(AppFactory app)
{
    [Fact]
    public async Task AdminCreatesAUserThroughTheFormAndSeesItListed()
    {
        using var api = await app.CreateApiClientAsync();
        var unitName = UsersApi.UniqueName("Trung tâm huyện");
        var unitId = await UsersApi.CreateUnitAsync(api, unitName);
        using var admin = await PageBrowser.SignedInAsync(app, "admin", AppFactory.AdminPassword);
        var name = UsersApi.UniqueName("kythuat");

        var created = await admin.SubmitAsync("/users", "/users/create", new Dictionary<string, string>
        {
            ["UserName"] = name, ["Password"] = UsersApi.Password, ["Role"] = Roles.Operator, ["UnitId"] = unitId.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var text = PageBrowser.TextOf(await admin.PageAsync("/users"));
        Assert.Contains($"Đã tạo người dùng \"{name}\"", text);
        Assert.Contains(name, text);
        Assert.Contains(unitName, text);
        using var signedIn = await PageBrowser.SignedInAsync(app, name, UsersApi.Password);
    }

    [Fact]
    public async Task ARefusalIsShownInTheFormAndTheNameKept()
    {
        using var admin = await PageBrowser.SignedInAsync(app, "admin", AppFactory.AdminPassword);
        var weak = await admin.SubmitAsync("/users", "/users/create", new Dictionary<string, string>
        {
            ["UserName"] = "ten-moi-" + Guid.NewGuid().ToString("N")[..4], ["Password"] = "short", ["Role"] = Roles.Admin, ["UnitId"] = "",
        });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var html = await PageBrowser.HtmlOf(weak);
        Assert.Contains("ít nhất 8 ký tự", PageBrowser.TextOf(html));
        Assert.Contains("value=\"ten-moi-", html);
        Assert.DoesNotContain("value=\"short\"", html);

        var taken = await admin.SubmitAsync("/users", "/users/create", new Dictionary<string, string>
        {
            ["UserName"] = "ADMIN", ["Password"] = UsersApi.Password, ["Role"] = Roles.Admin, ["UnitId"] = "",
        });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("Đã có người dùng", PageBrowser.TextOf(await PageBrowser.HtmlOf(taken)));
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Operator)]
    public async Task OtherRolesAreForbiddenAndSeeNoLink(string role)
    {
        using var browser = await PageBrowser.SignedInAsync(app, role);
        var html = await browser.PageAsync("/users", HttpStatusCode.Forbidden);
        Assert.Contains("Không có quyền", html);
        Assert.DoesNotContain("href=\"/users\"", await browser.PageAsync("/"));
        var post = await browser.FollowAsync(await browser.SubmitAsync("/profile", "/users/create", new Dictionary<string, string>
        {
            ["UserName"] = UsersApi.UniqueName("x"), ["Password"] = UsersApi.Password, ["Role"] = Roles.Admin,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task AdminSeesTheUsersLinkAndItsNameLinksToTheProfile()
    {
        using var admin = await PageBrowser.SignedInAsync(app, "admin", AppFactory.AdminPassword);
        var html = await admin.PageAsync("/");
        Assert.Contains("href=\"/users\"", html);
        Assert.Contains("href=\"/profile\"", html);
    }

    [Theory]
    [InlineData("/users")]
    [InlineData("/profile")]
    public async Task AnonymousGetsSentToSignIn(string path)
    {
        using var browser = PageBrowser.Anonymous(app);
        var response = await browser.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/users/create")]
    [InlineData("/profile/password")]
    [InlineData("/profile/tokens")]
    [InlineData("/profile/tokens/1/revoke")]
    public async Task AnonymousPostsChangeNothing(string path)
    {
        using var browser = PageBrowser.Anonymous(app);
        var token = PageBrowser.TokenIn(await browser.PageAsync("/account/signin"));
        var response = await browser.Client.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Name", "x")]));
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
            Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }
}
