using BroadcastHub.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace BroadcastHub.Web.Tests.Features.Dashboard;

/// <summary>Its own app (a one-second heartbeat), never alive beside another collection's.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardHeartbeatCollection
{
    public const string Name = "dashboard-heartbeat";
}

/// <summary>An idle dashboard stream sends a comment line at every heartbeat, so proxies keep the connection open.</summary>
[Collection(DashboardHeartbeatCollection.Name)]
public sealed class DashboardHeartbeatTests
{
    private sealed class QuickHeartbeatApp : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("BroadcastHub:Dashboard:HeartbeatSeconds", "1");
        }
    }

    [Fact]
    public async Task An_idle_stream_sends_heartbeats()
    {
        using var app = new QuickHeartbeatApp();
        using var admin = await PageBrowser.SignedInAsync(app, "admin", AppFactory.AdminPassword);
        using var response = await admin.Client.GetAsync("/dashboard/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var heartbeats = 0;
        while (heartbeats < 2)
            if (await reader.ReadLineAsync(timeout.Token) == ": heartbeat") heartbeats++;
        Assert.Equal(2, heartbeats);
    }
}
