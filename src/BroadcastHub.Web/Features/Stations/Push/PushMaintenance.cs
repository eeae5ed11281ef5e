using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Airtime;
using BroadcastHub.Web.Features.Dashboard;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Features.Stations.Push;
using BroadcastHub.Web.Features.Stations;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Infrastructure.Settings;
using Microsoft.AspNetCore.SignalR;

namespace BroadcastHub.Web.Features.Stations.Push;

/// <summary>
/// This node's upkeep of its push connections. On a <c>changed</c> signal (any node's write) it rebuilds the manifest
/// version of each connected agent and sends <c>changed</c> to those whose version moved; on <c>revoked</c>, and at least
/// every <see cref="Period"/>, it cuts connections whose token is no longer the station's; every period it marks its
/// connections alive in <c>station_push_connections</c>.
/// </summary>
public sealed class PushMaintenance(PushConnections connections, PushDispatcher dispatcher, IHubContext<StationPushHub> hub,
    IServiceScopeFactory scopes, TimeProvider time, ILogger<PushMaintenance> log) : BackgroundService
{
    /// <summary>Longest time between two credential checks and presence refreshes.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(20);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastRefresh = time.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            var woken = await dispatcher.WaitForCheckAsync(Period, time, stoppingToken);
            if (stoppingToken.IsCancellationRequested) return;
            try
            {
                using var scope = scopes.CreateScope();
                if (connections.Count > 0) await CutRevokedAsync(scope.ServiceProvider.GetRequiredService<StationAgentRepository>());
                if (woken && connections.Count > 0) await SendChangedAsync(scope.ServiceProvider.GetRequiredService<StationManifestBuilder>());
                if (time.GetElapsedTime(lastRefresh) >= Period)
                {
                    scope.ServiceProvider.GetRequiredService<StationPushRepository>().Refresh(connections.Node, time.GetUtcNow());
                    lastRefresh = time.GetTimestamp();
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning("Push upkeep failed; retrying at the next signal or in {Seconds} s: {Reason}", Period.TotalSeconds, e.Message);
            }
        }
    }

    private async Task CutRevokedAsync(StationAgentRepository agents)
    {
        var current = agents.Credentials().ToDictionary(c => c.StationId, c => c.TokenHash);
        foreach (var connection in connections.All())
        {
            if (current.TryGetValue(connection.StationId, out var hash) && hash == connection.TokenHash) continue;
            log.LogInformation("Station {StationId}'s token was revoked or replaced: closing its push connection", connection.StationId);
            try
            {
                await hub.Clients.Client(connection.Id).SendAsync(StationPushHub.Messages.Revoked, new ApiError(StationTokenHandler.InvalidTokenCode,
                    Msg.Get("TheStationTokenWasRevokedOr")));
            }
            finally
            {
                connection.Context.Abort();
                connections.Remove(connection.Id);
            }
        }
    }

    private async Task SendChangedAsync(StationManifestBuilder manifests)
    {
        foreach (var window in connections.All().GroupBy(c => c.Days))
        {
            var current = manifests.BuildMany(window.Select(c => c.StationId).Distinct().ToList(), window.Key);
            foreach (var c in window)
            {
                var version = current[c.StationId].Version;
                if (c.LastVersion == version) continue;
                c.LastVersion = version;
                await hub.Clients.Client(c.Id).SendAsync(StationPushHub.Messages.Changed, new { version });
                log.LogInformation("Pushed changed ({Version}) to station {StationId}", version, c.StationId);
            }
        }
    }
}
