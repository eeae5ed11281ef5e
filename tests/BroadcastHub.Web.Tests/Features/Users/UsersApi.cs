using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BroadcastHub.Web.Tests.Features.Users;

/// <summary>Calls of the users and tokens API that the tests share.</summary>
internal static class UsersApi
{
    public const string Password = "Strong-Pass-123";

    public static string UniqueName(string stem) => stem + "-" + Guid.NewGuid().ToString("N")[..6];

    public static async Task<long> CreateUnitAsync(HttpClient admin, string name, long? parentUnitId = null)
    {
        var response = await admin.PostAsJsonAsync("/api/units", new { name, parentUnitId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    public static async Task<JsonElement> CreateUserAsync(HttpClient admin, string userName, string role, long? unitId)
    {
        var response = await admin.PostAsJsonAsync("/api/users", new { userName, password = Password, role, unitId });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Creates a personal token with <paramref name="client"/>'s credentials; returns (id, secret).</summary>
    public static async Task<(long Id, string Token)> CreateTokenAsync(HttpClient client, string name, int? expiresInDays = null)
    {
        var response = await client.PostAsJsonAsync("/api/tokens", new { name, expiresInDays });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("id").GetInt64(), json.GetProperty("token").GetString()!);
    }

    public static HttpClient ClientWith(AppFactory app, string token)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<List<JsonElement>> ListAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).EnumerateArray().ToList();
}
