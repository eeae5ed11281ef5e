using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace BroadcastHub.Web.Features.Stations.Push;

/// <summary>One agent's push connection held by this node.</summary>
/// <param name="Id">SignalR's connection id.</param>
/// <param name="StationId">The station of the token that opened it.</param>
/// <param name="Days">The manifest window the agent keeps (its <c>CacheDays</c>), so versions compare like for like.</param>
/// <param name="TokenHash">SHA-256 of the token that opened it: a revoked or replaced token no longer matches.</param>
/// <param name="Context">To close it from outside the hub.</param>
public sealed record PushConnection(string Id, long StationId, int Days, string TokenHash, HubCallerContext Context)
{
    /// <summary>The manifest version the agent was last told about (or had when it connected).</summary>
    public string? LastVersion { get; set; }
}

/// <summary>The push connections this node holds, by connection id.</summary>
public sealed class PushConnections
{
    private readonly ConcurrentDictionary<string, PushConnection> _byId = new();

    /// <summary>A unique name of this hub process, for <c>station_push_connections.node</c>.</summary>
    public string Node { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Adds a connection.</summary>
    public void Add(PushConnection connection) => _byId[connection.Id] = connection;

    /// <summary>Removes a connection; false when it was not here.</summary>
    public bool Remove(string connectionId) => _byId.TryRemove(connectionId, out _);

    /// <summary>Every connection held now.</summary>
    public IReadOnlyList<PushConnection> All() => _byId.Values.ToList();

    /// <summary>The connections of <paramref name="stationId"/>.</summary>
    public IReadOnlyList<PushConnection> Of(long stationId) => _byId.Values.Where(c => c.StationId == stationId).ToList();

    /// <summary>How many connections are held.</summary>
    public int Count => _byId.Count;
}
