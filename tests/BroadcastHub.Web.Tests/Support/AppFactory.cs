using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Support;

/// <summary>
/// The real app in-process on a temp data folder with real SQLite files. Hangfire runs on its in-memory storage
/// here (these tests do not test Hangfire itself; the end-to-end tests run the real process on SQLite storage).
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin-Test-Pass-1";
    public const long BrokenZoneId = 1000;
    public const long FlakyZoneId = 1001;
    public const long UnpluggedZoneId = 1002;

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "bh-web-" + Guid.NewGuid().ToString("N")[..10]);

    public AppFactory() => Environment.SetEnvironmentVariable("BROADCASTHUB_ADMIN_PASSWORD", AdminPassword);

    /// <summary>InMemory here; the soak tests use the real SQLite storage.</summary>
    protected virtual string HangfireStorage => "InMemory";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("BroadcastHub:DataPath", DataPath);
        builder.UseSetting("BroadcastHub:HangfireStorage", HangfireStorage);
        builder.UseSetting("BroadcastHub:Outputs:Default", "null");
        // Tests run at any hour; the default 05:00–21:00 policy is tested on units that set it explicitly.
        builder.UseSetting("BroadcastHub:DefaultPolicy:AllowedFrom", "00:00");
        builder.UseSetting("BroadcastHub:DefaultPolicy:AllowedTo", "00:00");
        builder.UseSetting("BroadcastHub:DefaultPolicy:MaxSessionMinutes", "1440");
        builder.UseSetting("BroadcastHub:DefaultPolicy:MaxSessionsPerDay", "48");
        builder.UseSetting("BroadcastHub:DeadAir:Seconds", "2");
        // Zone 1000 (created by the device-failure test) has a sound card that does not exist.
        builder.UseSetting($"BroadcastHub:Outputs:Zone{BrokenZoneId}", "alsa:nosuchdevice");
        // Zones 1001 and 1002 (device-failure tests) lose their card 1.5 s into every opening / for good.
        builder.UseSetting($"BroadcastHub:Outputs:Zone{FlakyZoneId}", "fail-after:1.5:null");
        builder.UseSetting($"BroadcastHub:Outputs:Zone{UnpluggedZoneId}", "unplug-after:1.5:null");
        // Most tests sign in with the first password and approve their own uploads; Security/ and Users/ test the rules.
        builder.UseSetting("BroadcastHub:Auth:RequireFirstPasswordChange", RequireFirstPasswordChange ? "true" : "false");
        builder.UseSetting("BroadcastHub:Approval:FourEyes", FourEyes ? "true" : "false");
        // Relay tests serve their streams on 127.0.0.1 (the refusal of private addresses is tested on its own).
        builder.UseSetting("BroadcastHub:Relay:AllowPrivateAddresses", "true");
        builder.UseEnvironment("Development");
    }

    /// <summary>Off here; the account tests turn it on.</summary>
    protected virtual bool RequireFirstPasswordChange => false;

    /// <summary>Off here; the four-eyes tests turn it on.</summary>
    protected virtual bool FourEyes => false;

    /// <summary>Creates a user with a role through the account service and returns its password.</summary>
    public string CreateUser(string userName, string role)
    {
        const string password = "User-Test-Pass-1";
        Services.GetRequiredService<AccountService>().CreateUser(userName, password, role, null);
        return password;
    }

    /// <summary>An API client with a bearer token for <paramref name="userName"/>.</summary>
    public async Task<HttpClient> CreateApiClientAsync(string userName = "admin", string password = AdminPassword)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>An API client for a new user of <paramref name="role"/>.</summary>
    public Task<HttpClient> CreateApiClientForRoleAsync(string role)
    {
        var userName = role.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..6];
        return CreateApiClientAsync(userName, CreateUser(userName, role));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Web tests share one collection: Hangfire keeps static state, so app instances must not overlap.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFactory>
{
    public const string Name = "app";
}
