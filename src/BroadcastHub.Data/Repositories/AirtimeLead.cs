using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// The occurrences whose airtime records can have a scheduled start in a period: those starting within the log's
/// recorded lead (<c>airtime_lead</c>, migration 0032: the smallest and largest scheduled_start − occurrence start over
/// every record, kept by a trigger) around it, widened by a second for rounding. Bounding the occurrences this way lets
/// PostgreSQL reach a commune's records through <c>ix_occurrences_zone_start</c> and stays exact: every record of the
/// period belongs to one of them, and the records are still filtered by their own scheduled start.
/// </summary>
internal static class AirtimeLead
{
    private sealed record Lead(double? MinSeconds, double? MaxSeconds);

    /// <summary>[from, to) of the occurrences' start_utc as stored text; null when the log is empty.</summary>
    public static (string From, string To)? OccurrenceStarts(AppDatabase db, DateTimeOffset from, DateTimeOffset to)
    {
        var lead = db.Cache.Get("airtime-lead", () =>
        {
            using var c = db.Open();
            return c.QuerySingleOrDefault<Lead>("SELECT min_seconds AS MinSeconds, max_seconds AS MaxSeconds FROM airtime_lead") ?? new Lead(null, null);
        });
        if (lead.MinSeconds is not { } min || lead.MaxSeconds is not { } max) return null;
        return (SqlValues.Instant(Shift(from, -Math.Ceiling(max) - 1)), SqlValues.Instant(Shift(to, -Math.Floor(min) + 1)));
    }

    private static DateTimeOffset Shift(DateTimeOffset at, double seconds)
    {
        var ticks = Math.Clamp(at.UtcTicks + seconds * TimeSpan.TicksPerSecond, DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks);
        return new DateTimeOffset((long)ticks, TimeSpan.Zero);
    }
}
