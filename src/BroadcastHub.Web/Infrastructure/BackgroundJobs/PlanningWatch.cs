using BroadcastHub.Core.Time;
using BroadcastHub.Web.Playout;
using Microsoft.Extensions.Options;
using BroadcastHub.Web.Infrastructure.Settings;

namespace BroadcastHub.Web.Infrastructure.BackgroundJobs;

/// <summary>
/// When the horizon was last planned by the recurring planner (or at start), and the <c>planning_stale</c> alert once
/// that is more than two planner periods ago (the period comes from <see cref="SchedulingOptions.PlannerCron"/>).
/// </summary>
public sealed class PlanningWatch(IOptions<SchedulingOptions> options, StationClock clock)
{
    /// <summary>Stable code of the alert.</summary>
    public const string StaleCode = "planning_stale";

    private readonly DateTimeOffset _started = clock.UtcNow;
    private long _lastTicks = -1;

    /// <summary>Time between two planner runs.</summary>
    public TimeSpan Period { get; } = CronPeriod.Of(options.Value.PlannerCron, TimeSpan.FromHours(1));

    /// <summary>The last successful planning, null before the first.</summary>
    public DateTimeOffset? LastPlannedUtc => Interlocked.Read(ref _lastTicks) is var t and >= 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    /// <summary>Records a successful planning now, or at <paramref name="at"/>.</summary>
    public void Planned(DateTimeOffset? at = null) => Interlocked.Exchange(ref _lastTicks, (at ?? clock.UtcNow).UtcTicks);

    /// <summary>True when planning last succeeded (or the process started) more than two periods ago.</summary>
    public bool IsStale => clock.UtcNow - (LastPlannedUtc ?? _started) > 2 * Period;

    /// <summary>The alert while planning is stale, else null.</summary>
    public StationAlert? Alert()
    {
        if (!IsStale) return null;
        var last = LastPlannedUtc is { } at ? clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—";
        return new StationAlert(StaleCode, "error", Msg.Get("PlanningHasNotRunForOver", Period.TotalMinutes, last));
    }
}
