using System.Reflection;
using BroadcastHub.Station.Cache;
using BroadcastHub.Station.Hosting;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Station.Status;

/// <summary>What the agent can truthfully say about itself today (no sync yet, so no coverage claims).</summary>
public sealed class StationStatus(IOptions<StationOptions> options, MediaCache cache)
{
    /// <summary>State when no hub address and token are configured.</summary>
    public const string NotEnrolled = "not_enrolled";

    /// <summary>State when a hub address and token are configured.</summary>
    public const string Enrolled = "enrolled";

    /// <summary>Builds a snapshot; counts the cache folder on each call.</summary>
    public StationSnapshot Snapshot()
    {
        var o = options.Value;
        var stats = cache.Measure();
        return new StationSnapshot(
            o.IsEnrolled ? Enrolled : NotEnrolled,
            AgentVersion,
            o.Station.CacheDays,
            new CacheSnapshot(stats.Files, stats.Bytes));
    }

    /// <summary>This build's informational version.</summary>
    public static string AgentVersion { get; } =
        typeof(StationStatus).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}

/// <summary>The body of <c>GET /health</c>.</summary>
/// <param name="State"><c>not_enrolled</c> or <c>enrolled</c>.</param>
/// <param name="AgentVersion">This build's version.</param>
/// <param name="CacheDays">Days the agent is configured to keep ahead.</param>
/// <param name="Cache">What the media cache holds.</param>
public sealed record StationSnapshot(string State, string AgentVersion, int CacheDays, CacheSnapshot Cache);

/// <summary>Media cache contents.</summary>
/// <param name="Files">Verified-on-arrival media files.</param>
/// <param name="Bytes">Their total size.</param>
public sealed record CacheSnapshot(int Files, long Bytes);
