using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Users;

/// <summary>A password on the shipped list of common ones is refused however long it is: create, change (page and API).</summary>
[Collection(AppCollection.Name)]
public sealed class CommonPasswordTests(AppFactory app)
{
    [Theory]
    [InlineData("123456789")]
    [InlineData("12345678")]
    [InlineData("password")]
    [InlineData("Password123")]
    [InlineData("qwerty123")]
    [InlineData("matkhau123")]
    [InlineData("anhyeuem")]
    [InlineData("ANHYEUEM123")]
    [InlineData("vietnam2024")]
    [InlineData("iloveyou")]
    [InlineData("1q2w3e4r")]
    [InlineData(" 11111111 ")]
    public void TheListHoldsTheUsualSuspects(string password) => Assert.True(CommonPasswords.Contains(password), password);

    [Theory]
    [InlineData(AppFactory.AdminPassword)]
    [InlineData(UsersApi.Password)]
    [InlineData("Loa-Thon-Ba-2026")]
    [InlineData("mây trắng bay qua đèo")]
    public void UnusualPasswordsAreNotOnIt(string password) => Assert.False(CommonPasswords.Contains(password), password);

    [Fact]
    public void TheListHasSomeThousandsOfEntries() => Assert.InRange(CommonPasswords.Count, 2000, 50_000);

    [Fact]
    public async Task CreatingAUserWithACommonPasswordIsRefusedThroughTheApiAndThePage()
    {
        using var admin = await app.CreateApiClientAsync();
        var name = UsersApi.UniqueName("pho-bien");
        var refused = await admin.PostAsJsonAsync("/api/users", new { userName = name, password = "anhyeuem123", role = Roles.Admin, unitId = (long?)null });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.JsonAsync();
        Assert.Equal("common_password", body.GetProperty("error").GetString());
        Assert.Contains("phổ biến", body.GetProperty("message").GetString());
        Assert.DoesNotContain(await UsersApi.ListAsync(admin, "/api/users"), u => u.GetProperty("userName").GetString() == name);

        using var pages = await PageBrowser.SignedInAsync(app, "admin", AppFactory.AdminPassword);
        var page = await pages.SubmitAsync("/users", "/users/create", new Dictionary<string, string>
        {
            ["UserName"] = name, ["Password"] = "Password123", ["Role"] = Roles.Admin, ["UnitId"] = "",
        });
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await PageBrowser.HtmlOf(page);
        Assert.Contains("quá phổ biến", PageBrowser.TextOf(html));
        Assert.DoesNotContain("value=\"Password123\"", html);
        Assert.DoesNotContain(name, PageBrowser.TextOf(await pages.PageAsync("/users")));
    }

    [Fact]
    public async Task ChangingToACommonPasswordIsRefusedThroughTheApiAndThePage()
    {
        var name = UsersApi.UniqueName("doi-pho-bien");
        var password = app.CreateUser(name, Roles.Operator);
        using var api = await app.CreateApiClientAsync(name, password);
        var refused = await api.PostAsJsonAsync("/api/profile/password", new { currentPassword = password, newPassword = "matkhau123" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("common_password", await refused.ErrorCodeAsync());

        using var browser = await PageBrowser.SignedInAsync(app, name, password);
        var page = await browser.SubmitAsync("/profile", "/profile/password", new Dictionary<string, string>
        {
            ["currentPassword"] = password, ["newPassword"] = "Qwerty@123", ["confirmPassword"] = "Qwerty@123",
        });
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("quá phổ biến", PageBrowser.TextOf(await PageBrowser.HtmlOf(page)));
        using (await app.CreateApiClientAsync(name, password)) { } // the password is unchanged
    }

    [Fact]
    public async Task AResetGivesAStrongTemporaryPasswordThatIsNotOnTheList()
    {
        using var admin = await app.CreateApiClientAsync();
        var unitId = await UsersApi.CreateUnitAsync(admin, UsersApi.UniqueName("Đơn vị"));
        var user = await UsersApi.CreateUserAsync(admin, UsersApi.UniqueName("dat-lai"), Roles.Operator, unitId);
        var reset = await admin.PostAsync($"/api/users/{user.GetProperty("id").GetInt64()}/reset-password", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var temporary = (await reset.JsonAsync()).GetProperty("temporaryPassword").GetString()!;
        Assert.True(temporary.Length >= 16, temporary);
        Assert.False(CommonPasswords.Contains(temporary));
    }
}
