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
                ? Text.Pick($"Máy phát mất kết nối: lần cuối nghe thấy {Ago(now - seen, true)}.", $"Station offline: last heard {Ago(now - seen, false)}.")
                : Text.Pick("Máy phát chưa từng kết nối với máy chủ.", "Station offline: its agent has never reported.")));
        if (s.CacheReadyUntil is not { } ready || ready - now < CacheAhead)
            alerts.Add(new("cache_short", "warning", Text.Pick(
                "Bộ nhớ đệm của máy phát chưa đủ cho 24 giờ tới: có thể thiếu tệp âm thanh khi phát.",
                "The station's cache covers less than the next 24 h: it may lack audio to air.")));
        if (s.ClockOffsetMs is { } offset && Math.Abs(offset) > MaxClockOffsetMs)
            alerts.Add(new("clock_drift", "warning", Text.Pick(
                $"Đồng hồ máy phát lệch {offset} ms so với máy chủ (quá {MaxClockOffsetMs} ms): kiểm tra NTP.",
                $"The station's clock is {offset} ms off the hub's (more than {MaxClockOffsetMs} ms): check NTP.")));
        return alerts;
    }

    private static string Ago(TimeSpan span, bool vi) => span.TotalMinutes < 120
        ? (vi ? $"{span.TotalMinutes:0} phút trước" : $"{span.TotalMinutes:0} min ago")
        : (vi ? $"{span.TotalHours:0} giờ trước" : $"{span.TotalHours:0} h ago");
}
