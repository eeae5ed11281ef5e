using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;
using static BroadcastHub.Web.Tests.Features.Users.UsersApi;

namespace BroadcastHub.Web.Tests.Features.Users;

[Collection(AppCollection.Name)]
public sealed class UsersApiTests(AppFactory app)
{
    [Fact]
    public async Task AdminCreatesAUserInAUnitWhoCanThenSignIn()
    {
        using var admin = await app.CreateApiClientAsync();
        var unitId = await CreateUnitAsync(admin, UniqueName("Trung tâm VHTT"));
        var name = UniqueName("bientap");

        var response = await admin.PostAsJsonAsync("/api/users", new { userName = "  " + name + " ", password = Password, role = "operator", unitId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var user = await response.JsonAsync();
        Assert.Equal(name, user.GetProperty("userName").GetString());
        Assert.Equal(Roles.Operator, user.GetProperty("role").GetString());
        Assert.Equal(unitId, user.GetProperty("unitId").GetInt64());
        Assert.Equal($"/api/users/{user.GetProperty("id").GetInt64()}", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain(Password, body);
        Assert.DoesNotContain("hash", body, StringComparison.OrdinalIgnoreCase);

        var listed = Assert.Single(await ListAsync(admin, "/api/users"), u => u.GetProperty("userName").GetString() == name);
        Assert.Equal(unitId, listed.GetProperty("unitId").GetInt64());
        Assert.DoesNotContain("hash", listed.GetRawText(), StringComparison.OrdinalIgnoreCase);

        using var signedIn = await app.CreateApiClientAsync(name, Password);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/communes")).StatusCode);
    }

    [Theory]
    [InlineData("", Roles.Operator, "Strong-Pass-123", true, "user_name_required")]
    [InlineData("has space", Roles.Operator, "Strong-Pass-123", true, "invalid_user_name")]
    [InlineData("ab", Roles.Operator, "Strong-Pass-123", true, "invalid_user_name")]
    [InlineData("valid-name", "Root", "Strong-Pass-123", true, "invalid_role")]
    [InlineData("valid-name", Roles.Operator, "short7!", true, "weak_password")]
    [InlineData("valid-name", Roles.Operator, "Strong-Pass-123", false, "unit_required")]
    public async Task BadFieldsAreRefusedWithTheirCodeAndCreateNothing(string userName, string role, string password, bool withUnit, string code)
    {
        using var admin = await app.CreateApiClientAsync();
        long? unitId = withUnit ? await CreateUnitAsync(admin, UniqueName("Đơn vị")) : null;
        var before = (await ListAsync(admin, "/api/users")).Count;

        var response = await admin.PostAsJsonAsync("/api/users", new { userName, password, role, unitId });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.JsonAsync();
        Assert.Equal(code, error.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(before, (await ListAsync(admin, "/api/users")).Count);
    }

    [Fact]
    public async Task AMissingUnitIsRefused()
    {
        using var admin = await app.CreateApiClientAsync();
        var response = await admin.PostAsJsonAsync("/api/users", new { userName = UniqueName("x"), password = Password, role = Roles.Operator, unitId = 987654 });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unit_not_found", await response.ErrorCodeAsync());
    }

    [Fact]
    public async Task ATakenNameIsA409WhateverItsCase()
    {
        using var admin = await app.CreateApiClientAsync();
        var unitId = await CreateUnitAsync(admin, UniqueName("Đơn vị"));
        var name = UniqueName("lanhdao");
        await CreateUserAsync(admin, name, Roles.Supervisor, unitId);

        var again = await admin.PostAsJsonAsync("/api/users", new { userName = name.ToUpperInvariant(), password = Password, role = Roles.Operator, unitId });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("user_exists", await again.ErrorCodeAsync());
        Assert.Single(await ListAsync(admin, "/api/users"), u => string.Equals(u.GetProperty("userName").GetString(), name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AUnitAdministratorSeesAndCreatesUsersOnlyInItsSubtree()
    {
        using var root = await app.CreateApiClientAsync();
        var centre = await CreateUnitAsync(root, UniqueName("Trung tâm A"));
        var ward = await CreateUnitAsync(root, UniqueName("Cụm xã A1"), centre);
        var other = await CreateUnitAsync(root, UniqueName("Trung tâm B"));
        var unitAdmin = UniqueName("admin-a");
        await CreateUserAsync(root, unitAdmin, Roles.Admin, centre);
        var inWard = UniqueName("op-a1");
        await CreateUserAsync(root, inWard, Roles.Operator, ward);
        var outside = (await CreateUserAsync(root, UniqueName("op-b"), Roles.Operator, other)).GetProperty("id").GetInt64();

        using var scoped = await app.CreateApiClientAsync(unitAdmin, Password);
        var names = (await ListAsync(scoped, "/api/users")).Select(u => u.GetProperty("userName").GetString()).ToList();
        Assert.Contains(inWard, names);
        Assert.Contains(unitAdmin, names);
        Assert.DoesNotContain("admin", names);
        Assert.All(await ListAsync(scoped, "/api/users"), u => Assert.Contains(u.GetProperty("unitId").GetInt64(), new[] { centre, ward }));

        var refused = await scoped.PostAsJsonAsync("/api/users", new { userName = UniqueName("op-b2"), password = Password, role = Roles.Operator, unitId = other });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("unit_out_of_scope", await refused.ErrorCodeAsync());
        var rootless = await scoped.PostAsJsonAsync("/api/users", new { userName = UniqueName("adm"), password = Password, role = Roles.Admin, unitId = (long?)null });
        Assert.Equal("unit_required", await rootless.ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await scoped.GetAsync($"/api/users/{outside}/tokens")).StatusCode);
        await CreateUserAsync(scoped, UniqueName("op-a1b"), Roles.Operator, ward);
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Operator)]
    public async Task OtherRolesAreForbiddenEveryUsersRoute(string role)
    {
        using var client = await app.CreateApiClientForRoleAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/users")).StatusCode);
        var create = await client.PostAsJsonAsync("/api/users", new { userName = UniqueName("x"), password = Password, role = Roles.Admin });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/users/1/tokens")).StatusCode);
    }

    [Fact]
    public async Task AnonymousCallsAreRefused()
    {
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/users", new { userName = "x1x", password = Password, role = Roles.Admin })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/users/1/tokens")).StatusCode);
    }
}
