using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Security;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Users;

[Collection(AccountsCollection.Name)]
public sealed class AccountAdminApiTests(AccountsAppFactory app)
{
    [Fact]
    public async Task DisablingEndsEveryTokenAndSignInUntilTheUserIsEnabledAgain()
    {
        using var admin = await app.CreateApiClientAsync();
        var (id, name) = await NewUserAsync(admin, Roles.Operator);
        using var signIn = await app.CreateApiClientAsync(name, UsersApi.Password);
        var (_, personal) = await UsersApi.CreateTokenAsync(signIn, "tự động");
        using var automation = UsersApi.ClientWith(app, personal);
        using var browser = await PageBrowser.SignedInAsync(app, name, UsersApi.Password);

        var disabled = await admin.PostAsync($"/api/users/{id}/disable", null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.JsonAsync()).TryGetProperty("disabledAt", out var at) && at.ValueKind == System.Text.Json.JsonValueKind.String);
        Assert.Equal(HttpStatusCode.Unauthorized, (await signIn.GetAsync("/api/communes")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await automation.GetAsync("/api/communes")).StatusCode);
        var page = await browser.Client.GetAsync("/library");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/signin", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(name, UsersApi.Password));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{id}/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(name, UsersApi.Password));
        Assert.Equal(HttpStatusCode.Unauthorized, (await automation.GetAsync("/api/communes")).StatusCode); // ended stays ended
    }

    [Fact]
    public async Task AResetPasswordIsShownOnceAndMustBeChangedBeforeAnythingElse()
    {
        using var admin = await app.CreateApiClientAsync();
        var (id, name) = await NewUserAsync(admin, Roles.Supervisor);
        using var before = await app.CreateApiClientAsync(name, UsersApi.Password);

        var reset = await admin.PostAsync($"/api/users/{id}/reset-password", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("no-store", reset.Headers.CacheControl!.ToString());
        var temporary = (await reset.JsonAsync()).GetProperty("temporaryPassword").GetString()!;
        Assert.True(temporary.Length >= 12);
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/communes")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(name, UsersApi.Password));

        using var user = await app.CreateApiClientAsync(name, temporary);
        var refused = await user.GetAsync("/api/communes");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("password_change_required", await refused.ErrorCodeAsync());
        using (var browser = await PageBrowser.SignedInAsync(app, name, temporary))
        {
            var page = await browser.Client.GetAsync("/library");
            Assert.Equal("/profile", page.Headers.Location!.OriginalString);
            Assert.Contains("phải đổi mật khẩu", PageBrowser.TextOf(await browser.PageAsync("/profile")));
        }

        var weak = await user.PostAsJsonAsync("/api/profile/password", new { currentPassword = temporary, newPassword = "short" });
        Assert.Equal("weak_password", await weak.ErrorCodeAsync());
        var changed = await user.PostAsJsonAsync("/api/profile/password", new { currentPassword = temporary, newPassword = "Own-New-Pass-9" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/communes")).StatusCode);
    }

    [Fact]
    public async Task ChangingThePasswordThroughTheApiEndsEveryOtherSignIn()
    {
        using var admin = await app.CreateApiClientAsync();
        var (_, name) = await NewUserAsync(admin, Roles.Operator);
        using var first = await app.CreateApiClientAsync(name, UsersApi.Password);
        using var second = await app.CreateApiClientAsync(name, UsersApi.Password);
        var (_, personal) = await UsersApi.CreateTokenAsync(second, "báo cáo");
        using var automation = UsersApi.ClientWith(app, personal);
        using var browser = await PageBrowser.SignedInAsync(app, name, UsersApi.Password);

        var wrong = await first.PostAsJsonAsync("/api/profile/password", new { currentPassword = "not-it", newPassword = "Changed-Pass-7" });
        Assert.Equal("wrong_password", await wrong.ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/communes")).StatusCode); // nothing changed
        var changed = await first.PostAsJsonAsync("/api/profile/password", new { currentPassword = UsersApi.Password, newPassword = "Changed-Pass-7" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/communes")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/communes")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await automation.GetAsync("/api/communes")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/library")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(name, "Changed-Pass-7"));
    }

    [Fact]
    public async Task UnlockLiftsALockoutAndAUnitAdministratorManagesOnlyItsSubtree()
    {
        using var admin = await app.CreateApiClientAsync();
        var unit = await UsersApi.CreateUnitAsync(admin, UsersApi.UniqueName("Trung tâm"));
        var other = await UsersApi.CreateUnitAsync(admin, UsersApi.UniqueName("Trung tâm khác"));
        var unitAdminName = UsersApi.UniqueName("qtdv");
        var unitAdminId = (await UsersApi.CreateUserAsync(admin, unitAdminName, Roles.Admin, unit)).GetProperty("id").GetInt64();
        var inside = (await UsersApi.CreateUserAsync(admin, UsersApi.UniqueName("trong"), Roles.Operator, unit)).GetProperty("id").GetInt64();
        var insideName = UsersApi.UniqueName("khoa");
        var locked = (await UsersApi.CreateUserAsync(admin, insideName, Roles.Operator, unit)).GetProperty("id").GetInt64();
        var outside = (await UsersApi.CreateUserAsync(admin, UsersApi.UniqueName("ngoai"), Roles.Operator, other)).GetProperty("id").GetInt64();
        using var unitAdmin = await app.CreateApiClientAsync(unitAdminName, UsersApi.Password);

        for (var i = 0; i < 5; i++) await SignInAsync(insideName, "wrong-" + i);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(insideName, UsersApi.Password));
        Assert.Equal(HttpStatusCode.OK, (await unitAdmin.PostAsync($"/api/users/{locked}/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(insideName, UsersApi.Password));

        Assert.Equal(HttpStatusCode.OK, (await unitAdmin.PostAsync($"/api/users/{inside}/disable", null)).StatusCode);
        foreach (var action in new[] { "disable", "enable", "unlock", "reset-password" })
        {
            var refused = await unitAdmin.PostAsync($"/api/users/{outside}/{action}", null);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal("user_not_found", await refused.ErrorCodeAsync());
            Assert.Equal(HttpStatusCode.NotFound, (await unitAdmin.PostAsync($"/api/users/1/{action}", null)).StatusCode); // the first admin
        }
        var self = await unitAdmin.PostAsync($"/api/users/{unitAdminId}/disable", null);
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Equal("cannot_disable_self", await self.ErrorCodeAsync());
        using var operatorClient = await app.CreateApiClientForRoleAsync(Roles.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsync($"/api/users/{inside}/enable", null)).StatusCode);
    }

    private static async Task<(long Id, string Name)> NewUserAsync(HttpClient admin, string role)
    {
        var name = UsersApi.UniqueName(role.ToLowerInvariant());
        var unit = await UsersApi.CreateUnitAsync(admin, UsersApi.UniqueName("Xã"));
        return ((await UsersApi.CreateUserAsync(admin, name, role, unit)).GetProperty("id").GetInt64(), name);
    }

    private async Task<HttpStatusCode> SignInAsync(string userName, string password)
    {
        using var client = app.CreateClient();
        return (await client.PostAsJsonAsync("/api/auth/token", new { userName, password })).StatusCode;
    }
}
