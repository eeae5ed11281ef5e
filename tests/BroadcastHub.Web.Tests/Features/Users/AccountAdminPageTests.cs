using System.Net;
using System.Text.RegularExpressions;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Security;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Users;

[Collection(AccountsCollection.Name)]
public sealed partial class AccountAdminPageTests(AccountsAppFactory app)
{
    private static readonly Dictionary<string, string> NoFields = [];

    [Fact]
    public async Task TheUsersPageDisablesEnablesAndResetsAUser()
    {
        using var admin = await PageBrowser.SignedInAsync(app, "admin", AppFactory.AdminPassword);
        using var api = await app.CreateApiClientAsync();
        var unit = await UsersApi.CreateUnitAsync(api, UsersApi.UniqueName("Xã"));
        var name = UsersApi.UniqueName("trang");
        var id = (await UsersApi.CreateUserAsync(api, name, Roles.Operator, unit)).GetProperty("id").GetInt64();
        using var user = await PageBrowser.SignedInAsync(app, name, UsersApi.Password);

        var disabled = await admin.SubmitAsync("/users", $"/users/{id}/disable", NoFields);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains("Đã khoá tài khoản", PageBrowser.TextOf(await admin.PageAsync("/users")));
        Assert.Contains("/account/signin", (await user.Client.GetAsync("/library")).Headers.Location!.OriginalString);
        var enabled = await admin.SubmitAsync("/users", $"/users/{id}/enable", NoFields);
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);

        var reset = await admin.SubmitAsync("/users", $"/users/{id}/reset-password", NoFields);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("no-store", reset.Headers.CacheControl!.ToString());
        var temporary = Temporary().Match(await PageBrowser.HtmlOf(reset)).Groups[1].Value;
        Assert.NotEmpty(temporary);
        using var again = await PageBrowser.SignedInAsync(app, name, temporary);
        Assert.Equal("/profile", (await again.Client.GetAsync("/library")).Headers.Location!.OriginalString);

        var self = await admin.SubmitAsync("/users", "/users/1/disable", NoFields);
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Contains("không thể tự khoá", PageBrowser.TextOf(await PageBrowser.HtmlOf(self)));
    }

    [Fact]
    public async Task APageSignInEndsAfterTheAbsoluteLifetimeHoweverActive()
    {
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Supervisor);
        var step = TimeSpan.FromHours(2.75);
        for (var i = 1; i <= 4; i++)
        {
            app.Clock.Advance(step);
            var during = await browser.Client.GetAsync("/library");
            Assert.True(during.StatusCode == HttpStatusCode.OK, $"after {step * i}: {(int)during.StatusCode} {during.Headers.Location}");
        }
        app.Clock.Advance(TimeSpan.FromHours(1.5)); // 12.5 h after signing in
        var after = await browser.Client.GetAsync("/library");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/signin", after.Headers.Location!.OriginalString);
    }

    [GeneratedRegex("id=\"temporary-password\"[^<]*<code>([^<]+)</code>")]
    private static partial Regex Temporary();
}
