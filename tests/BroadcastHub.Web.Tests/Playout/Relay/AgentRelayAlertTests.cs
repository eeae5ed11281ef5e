using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Playout.Relay;
using BroadcastHub.Web.Playout;
using BroadcastHub.Web.Tests.Features.Stations;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Playout.Relay;

/// <summary>An agent that cannot reach a relay stream says so in its heartbeat; the hub raises the relay alert for that zone.</summary>
[Collection(AppCollection.Name)]
public sealed class AgentRelayAlertTests(AppFactory app)
{
    [Fact]
    public async Task A_heartbeat_reporting_an_unreachable_relay_raises_the_alert_on_the_hub_until_the_next_says_otherwise()
    {
        using var admin = await app.CreateApiClientAsync();
        var s = await StationAgentWorld.EnrolAsync(app, admin);
        using var station = StationAgentWorld.Client(app, s.Token);

        await BeatAsync(station, s.Occurrence.ZoneId, RelayAlerts.Code);
        var alert = Assert.Single(Alerts(), a => a.Code == RelayAlerts.Code && a.Message.Contains($"{s.Occurrence.ZoneId}", StringComparison.Ordinal));
        Assert.Equal("error", alert.Severity);

        await BeatAsync(station, s.Occurrence.ZoneId, "ready");
        Assert.DoesNotContain(Alerts(), a => a.Code == RelayAlerts.Code && a.Message.Contains($"{s.Occurrence.ZoneId}", StringComparison.Ordinal));
    }

    private static async Task BeatAsync(HttpClient station, long zoneId, string state) =>
        Assert.Equal(HttpStatusCode.OK, (await station.PostAsJsonAsync("/api/station/heartbeat", new
        {
            agentVersion = "1", clockUtc = DateTimeOffset.UtcNow, zones = new[] { new { zoneId, outputState = state } },
        })).StatusCode);

    private IReadOnlyList<StationAlert> Alerts()
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<StationAlerts>().Current();
    }
}
