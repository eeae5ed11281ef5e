using System.Globalization;

namespace BroadcastHub.Web.Infrastructure.BackgroundJobs;

/// <summary>
/// The gap between two consecutive runs of a five-field cron expression (minute hour day month weekday; <c>*</c>,
/// <c>*/n</c>, <c>a</c>, <c>a-b</c>, <c>a-b/n</c> and lists), found by stepping minutes from a fixed Monday. Enough to
/// tell when a recurring job is overdue; Hangfire itself keeps the exact schedule.
/// </summary>
public static class CronPeriod
{
    private static readonly DateTime From = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The gap, or <paramref name="fallback"/> when the expression is not of that form or never repeats within 32 days.</summary>
    public static TimeSpan Of(string? cron, TimeSpan fallback)
    {
        var fields = (cron ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5) return fallback;
        var sets = new bool[5][];
        int[] max = [59, 23, 31, 12, 7];
        for (var i = 0; i < 5; i++)
            if ((sets[i] = Parse(fields[i], i is 2 or 3 ? 1 : 0, max[i])!) is null) return fallback;
        DateTime? first = null;
        for (var t = From; t < From.AddDays(32); t = t.AddMinutes(1))
        {
            if (!sets[0][t.Minute] || !sets[1][t.Hour] || !sets[2][t.Day] || !sets[3][t.Month]) continue;
            var weekday = (int)t.DayOfWeek;
            if (!sets[4][weekday] && !(weekday == 0 && sets[4][7])) continue;
            if (first is { } previous) return t - previous;
            first = t;
        }
        return fallback;
    }

    private static bool[]? Parse(string field, int min, int max)
    {
        var set = new bool[max + 1];
        foreach (var part in field.Split(','))
        {
            var slash = part.Split('/');
            var step = 1;
            if (slash.Length > 2 || (slash.Length == 2 && (!int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1)))
                return null;
            int from, to;
            if (slash[0] == "*") (from, to) = (min, max);
            else if (slash[0].Split('-') is [var a, var b] && Number(a, min, max) is { } lo && Number(b, min, max) is { } hi && lo <= hi) (from, to) = (lo, hi);
            else if (Number(slash[0], min, max) is { } single) (from, to) = (single, slash.Length == 2 ? max : single);
            else return null;
            for (var v = from; v <= to; v += step) set[v] = true;
        }
        return set;
    }

    private static int? Number(string s, int min, int max) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;
}
