using System.Globalization;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Airtime;
using BroadcastHub.Web.Features.Dashboard;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Features.Stations.Push;
using BroadcastHub.Web.Features.Stations;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Infrastructure.Auth;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Infrastructure.Settings;
using Microsoft.AspNetCore.SignalR;

namespace BroadcastHub.Web.Features.Stations.Push;

/// <summary>
/// <c>/api/station/push</c>: the agent's SignalR connection (station token only, like every station route). The hub only
/// talks: <c>changed</c>, <c>emergency</c>, <c>stop</c>, <c>revoked</c> (docs/api.md). <c>?days=N</c> is the agent's
/// <c>CacheDays</c> (1–30, default 3), so the versions this node compares are those of the manifest the agent fetches.
/// </summary>
[StationAgentRoute]
public sealed class StationPushHub(PushConnections connections, StationPushRepository presence, StationManifestBuilder manifests,
    TimeProvider time, ILogger<StationPushHub> log) : Hub
{
    /// <summary>The client methods the hub calls.</summary>
    public static class Messages
    {
        /// <summary><c>{ version }</c>: sync now.</summary>
        public const string Changed = "changed";

        /// <summary>The emergency occurrence, as in the manifest: air it at once.</summary>
        public const string Emergency = "emergency";

        /// <summary><c>{ zoneId }</c>: stop what the zone airs.</summary>
        public const string Stop = "stop";

        /// <summary><c>{ error, message }</c>: the token was revoked or replaced; the connection closes.</summary>
        public const string Revoked = "revoked";
    }

    /// <inheritdoc />
    public override Task OnConnectedAsync()
    {
        var http = Context.GetHttpContext();
        if (Context.User is null || StationTokenHandler.StationIdOf(Context.User) is not { } stationId || http is null
            || ApiTokenHandler.BearerToken(http.Request) is not { } token)
        {
            Context.Abort();
            return Task.CompletedTask;
        }
        var days = int.TryParse(http.Request.Query["days"], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && d is >= 1 and <= StationManifestBuilder.MaxDays ? d : StationManifestBuilder.DefaultDays;
        var connection = new PushConnection(Context.ConnectionId, stationId, days, AccountService.HashToken(token), Context)
        {
            LastVersion = manifests.Build(stationId, days).Version,
        };
        connections.Add(connection);
        presence.Opened(Context.ConnectionId, stationId, connections.Node, time.GetUtcNow());
        log.LogInformation("Station {StationId} connected to the push channel ({Count} connection(s) on this node)", stationId, connections.Count);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        presence.Closed(Context.ConnectionId);
        return Task.CompletedTask;
    }
}
