using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Features.Stations;

/// <summary>A warning about an agent station: <paramref name="Code"/> is stable, <paramref name="Severity"/> is
/// <c>danger</c> (red) or <c>warning</c> (amber).</summary>
public sealed record StationAgentAlert(string Code, string Severity, string Message);

/// <summary>What an administrator must hear about an agent station: offline, a cache short of a day, a drifting clock.</summary>
public static class StationAgentAlerts
{
    /// <summary>The cache must cover at least this far ahead.</summary>
    public static readonly TimeSpan CacheAhead = TimeSpan.FromHours(24);

    /// <summary>A clock further off the hub's than this is drifting.</summary>
    public const long MaxClockOffsetMs = 500;

    /// <summary>The alerts of a station with status <paramref name="s"/> at <paramref name="now"/>; none in embedded mode.</summary>
    public static IReadOnlyList<StationAgentAlert> For(StationAgentStatus s, DateTimeOffset now)
    {
        if (s.Mode != "agent") return [];
        var alerts = new List<StationAgentAlert>();
        if (!s.Online)
            alerts.Add(new("station_offline", "danger", s.LastSeenAt is { } seen
                ? Msg.Get("StationOfflineLastHeard", Ago(now - seen))
                : Msg.Get("StationOfflineItsAgentHasNever")));
        if (s.CacheReadyUntil is not { } ready || ready - now < CacheAhead)
            alerts.Add(new("cache_short", "warning", Msg.Get("TheStationCacheCoversLessThan")));
        if (s.ClockOffsetMs is { } offset && Math.Abs(offset) > MaxClockOffsetMs)
            alerts.Add(new("clock_drift", "warning", Msg.Get("TheStationClockIsMsOff", offset, MaxClockOffsetMs)));
        return alerts;
    }

    private static string Ago(TimeSpan span) => span.TotalMinutes < 120
        ? Msg.Get("MinAgo", span.TotalMinutes)
        : Msg.Get("HAgo", span.TotalHours);
}
