using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using BroadcastHub.Core.Access;
using BroadcastHub.Data;
using BroadcastHub.Web.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using static BroadcastHub.Web.Tests.Features.Users.UsersApi;

namespace BroadcastHub.Web.Tests.Features.Users;

[Collection(AppCollection.Name)]
public sealed class TokensApiTests(AppFactory app)
{
    [Fact]
    public async Task APersonalTokenIsShownOnceStoredHashedAndWorks()
    {
        using var admin = await app.CreateApiClientAsync();
        var name = UniqueName("playlist-sync");
        var response = await admin.PostAsJsonAsync("/api/tokens", new { name, expiresInDays = 30 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var created = await response.JsonAsync();
        var id = created.GetProperty("id").GetInt64();
        var token = created.GetProperty("token").GetString()!;
        Assert.StartsWith("bhp_", token);
        Assert.True(token.Length >= 40);
        Assert.Equal(name, created.GetProperty("name").GetString());
        Assert.InRange(created.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromDays(29.99), TimeSpan.FromDays(30.01));

        var stored = StoredHash(id);
        Assert.NotEqual(token, stored);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), stored);

        var listing = await admin.GetAsync("/api/tokens");
        var text = await listing.Content.ReadAsStringAsync();
        Assert.DoesNotContain(token, text);
        Assert.DoesNotContain(stored, text);
        var listed = Assert.Single(await ListAsync(admin, "/api/tokens"), t => t.GetProperty("id").GetInt64() == id);
        Assert.Equal("personal", listed.GetProperty("kind").GetString());
        Assert.False(listed.TryGetProperty("token", out _));

        using var automation = ClientWith(app, token);
        Assert.Equal(HttpStatusCode.OK, (await automation.GetAsync("/api/communes")).StatusCode);
    }

    [Fact]
    public async Task WithoutALifetimeATokenLasts90Days()
    {
        using var client = await app.CreateApiClientForRoleAsync(Roles.Operator);
        var response = await client.PostAsJsonAsync("/api/tokens", new { name = "no expiry given" });
        var expires = (await response.JsonAsync()).GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromDays(89.99), TimeSpan.FromDays(90.01));
    }

    [Fact]
    public async Task ARevokedTokenGets401AtOnce()
    {
        using var client = await app.CreateApiClientForRoleAsync(Roles.Supervisor);
        var (id, token) = await CreateTokenAsync(client, "báo cáo tự động");
        using var automation = ClientWith(app, token);
        Assert.Equal(HttpStatusCode.OK, (await automation.GetAsync("/api/communes")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await automation.GetAsync("/api/communes")).StatusCode);
        Assert.DoesNotContain(await ListAsync(client, "/api/tokens"), t => t.GetProperty("id").GetInt64() == id);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/tokens/{id}")).StatusCode);
    }

    [Fact]
    public async Task OnlyTheOwnerOrAnAdministratorRevokes()
    {
        using var admin = await app.CreateApiClientAsync();
        using var operatorClient = await app.CreateApiClientForRoleAsync(Roles.Operator);
        using var otherOperator = await app.CreateApiClientForRoleAsync(Roles.Operator);
        var (adminTokenId, adminToken) = await CreateTokenAsync(admin, "admin script");
        var (operatorTokenId, operatorToken) = await CreateTokenAsync(operatorClient, "operator script");

        var foreign = await otherOperator.DeleteAsync($"/api/tokens/{operatorTokenId}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("token_not_found", await foreign.ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.DeleteAsync($"/api/tokens/{adminTokenId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.DeleteAsync("/api/tokens/99999999")).StatusCode);
        using (var stillAlive = ClientWith(app, adminToken))
            Assert.Equal(HttpStatusCode.OK, (await stillAlive.GetAsync("/api/communes")).StatusCode);
        Assert.DoesNotContain(await ListAsync(operatorClient, "/api/tokens"), t => t.GetProperty("id").GetInt64() == adminTokenId);

        var ownerId = OwnerOf(operatorTokenId);
        Assert.Contains(await ListAsync(admin, $"/api/users/{ownerId}/tokens"), t => t.GetProperty("id").GetInt64() == operatorTokenId);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/tokens/{operatorTokenId}")).StatusCode);
        using var revoked = ClientWith(app, operatorToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/api/communes")).StatusCode);
    }

    [Theory]
    [InlineData("", null, "token_name_required")]
    [InlineData("   ", 10, "token_name_required")]
    [InlineData("ok", 0, "invalid_expiry")]
    [InlineData("ok", 366, "invalid_expiry")]
    public async Task BadTokenRequestsAreRefused(string name, int? expiresInDays, string code)
    {
        using var client = await app.CreateApiClientForRoleAsync(Roles.Operator);
        var before = (await ListAsync(client, "/api/tokens")).Count;
        var response = await client.PostAsJsonAsync("/api/tokens", new { name, expiresInDays });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await response.ErrorCodeAsync());
        Assert.Equal(before, (await ListAsync(client, "/api/tokens")).Count);
    }

    [Fact]
    public async Task ALongNameIsRefused()
    {
        using var client = await app.CreateApiClientForRoleAsync(Roles.Operator);
        var response = await client.PostAsJsonAsync("/api/tokens", new { name = new string('x', 101) });
        Assert.Equal("token_name_too_long", await response.ErrorCodeAsync());
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Operator)]
    public async Task EveryRoleManagesItsOwnTokens(string role)
    {
        using var client = await app.CreateApiClientForRoleAsync(role);
        var (id, _) = await CreateTokenAsync(client, role + " token");
        Assert.Contains(await ListAsync(client, "/api/tokens"), t => t.GetProperty("id").GetInt64() == id);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/tokens/{id}")).StatusCode);
    }

    [Fact]
    public async Task AnonymousCallsAreRefused()
    {
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/tokens", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.DeleteAsync("/api/tokens/1")).StatusCode);
    }

    private string StoredHash(long id)
    {
        using var c = app.Services.GetRequiredService<AppDatabase>().Open();
        return c.ExecuteScalar<string>("SELECT token_hash FROM api_tokens WHERE id = @id", new { id })!;
    }

    private long OwnerOf(long tokenId)
    {
        using var c = app.Services.GetRequiredService<AppDatabase>().Open();
        return c.ExecuteScalar<long>("SELECT user_id FROM api_tokens WHERE id = @tokenId", new { tokenId });
    }
}
