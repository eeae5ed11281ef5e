using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Users;

[Collection(AppCollection.Name)]
public sealed partial class ProfilePageTests(AppFactory app)
{
    [Fact]
    public async Task AUserChangesItsPasswordAfterProvingTheCurrentOne()
    {
        var name = UsersApi.UniqueName("doimatkhau");
        var oldPassword = app.CreateUser(name, Roles.Operator);
        using var apiSession = await app.CreateApiClientAsync(name, oldPassword);
        using var browser = await PageBrowser.SignedInAsync(app, name, oldPassword);

        var wrong = await ChangeAsync(browser, "not-the-password", "New-Pass-4567", "New-Pass-4567");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Mật khẩu hiện tại không đúng", PageBrowser.TextOf(await PageBrowser.HtmlOf(wrong)));
        var mismatch = await ChangeAsync(browser, oldPassword, "New-Pass-4567", "New-Pass-4568");
        Assert.Contains("không khớp", PageBrowser.TextOf(await PageBrowser.HtmlOf(mismatch)));
        var weak = await ChangeAsync(browser, oldPassword, "short", "short");
        Assert.Contains("ít nhất 8 ký tự", PageBrowser.TextOf(await PageBrowser.HtmlOf(weak)));
        using (await PageBrowser.SignedInAsync(app, name, oldPassword)) { } // nothing changed yet

        var changed = await ChangeAsync(browser, oldPassword, "New-Pass-4567", "New-Pass-4567");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Đã đổi mật khẩu", PageBrowser.TextOf(await browser.PageAsync("/profile")));
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = name, password = oldPassword })).StatusCode);
        using (await PageBrowser.SignedInAsync(app, name, "New-Pass-4567")) { }
        Assert.Equal(HttpStatusCode.Unauthorized, (await apiSession.GetAsync("/api/communes")).StatusCode); // sign-in tokens revoked
    }

    [Fact]
    public async Task WrongCurrentPasswordsLockTheAccount()
    {
        var name = UsersApi.UniqueName("khoa");
        var password = app.CreateUser(name, Roles.Supervisor);
        using var browser = await PageBrowser.SignedInAsync(app, name, password);
        for (var i = 0; i < 5; i++) await ChangeAsync(browser, "guess-" + i, "New-Pass-4567", "New-Pass-4567");
        var locked = await ChangeAsync(browser, password, "New-Pass-4567", "New-Pass-4567");
        Assert.Contains("tạm khoá", PageBrowser.TextOf(await PageBrowser.HtmlOf(locked)));
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = name, password })).StatusCode);
    }

    [Fact]
    public async Task APersonalTokenIsCreatedShownOnceUsedAndRevokedFromTheProfile()
    {
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Supervisor);
        var created = await browser.SubmitAsync("/profile", "/profile/tokens", new Dictionary<string, string> { ["Name"] = "Xuất báo cáo", ["ExpiresInDays"] = "7" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl!.ToString());
        var html = await PageBrowser.HtmlOf(created);
        var token = TokenValue().Match(html).Groups[1].Value;
        Assert.StartsWith("bhp_", token);
        Assert.Contains("chỉ hiện một lần", PageBrowser.TextOf(html));

        var profile = await browser.PageAsync("/profile");
        Assert.Contains("Xuất báo cáo", PageBrowser.TextOf(profile));
        Assert.DoesNotContain(token, profile);
        using var automation = UsersApi.ClientWith(app, token);
        Assert.Equal(HttpStatusCode.OK, (await automation.GetAsync("/api/communes")).StatusCode);

        var id = TokenRow().Match(profile).Groups[1].Value;
        var revoked = await browser.SubmitAsync("/profile", $"/profile/tokens/{id}/revoke", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("Đã thu hồi", PageBrowser.TextOf(await browser.PageAsync("/profile")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await automation.GetAsync("/api/communes")).StatusCode);
    }

    [Fact]
    public async Task AnotherUsersTokenCannotBeRevokedFromTheProfile()
    {
        using var owner = await app.CreateApiClientForRoleAsync(Roles.Operator);
        var (id, token) = await UsersApi.CreateTokenAsync(owner, "mine");
        using var other = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var refused = await other.SubmitAsync("/profile", $"/profile/tokens/{id}/revoke", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains($"Không có mã truy cập #{id}", PageBrowser.TextOf(await PageBrowser.HtmlOf(refused)));
        using var automation = UsersApi.ClientWith(app, token);
        Assert.Equal(HttpStatusCode.OK, (await automation.GetAsync("/api/communes")).StatusCode);
    }

    [Fact]
    public async Task ABadTokenNameIsRefusedInTheForm()
    {
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var refused = await browser.SubmitAsync("/profile", "/profile/tokens", new Dictionary<string, string> { ["Name"] = " ", ["ExpiresInDays"] = "7" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Hãy đặt tên", PageBrowser.TextOf(await PageBrowser.HtmlOf(refused)));
        Assert.Contains("Chưa có mã truy cập nào", PageBrowser.TextOf(await browser.PageAsync("/profile")));
    }

    private static Task<HttpResponseMessage> ChangeAsync(PageBrowser browser, string current, string replacement, string confirmation) =>
        browser.SubmitAsync("/profile", "/profile/password", new Dictionary<string, string>
        {
            ["currentPassword"] = current, ["newPassword"] = replacement, ["confirmPassword"] = confirmation,
        });

    [GeneratedRegex("id=\"new-token-value\" value=\"([^\"]+)\"")]
    private static partial Regex TokenValue();

    [GeneratedRegex("data-token-id=\"(\\d+)\"")]
    private static partial Regex TokenRow();
}
