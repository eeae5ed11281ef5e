using System.Globalization;

namespace BroadcastHub.Core.Calendar;

/// <summary>Writes the <c>VTIMEZONE</c> of a zone for the span a feed covers, with every offset change in it.</summary>
public static class IcsTimeZone
{
    /// <summary>The IANA id of the zone (what calendar readers match <c>TZID</c> against).</summary>
    public static string IdOf(TimeZoneInfo zone) =>
        !zone.HasIanaId && TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;

    /// <summary>
    /// The <c>VTIMEZONE</c> lines (unfolded) describing <paramref name="zone"/> from the start of the local year of
    /// <paramref name="fromUtc"/> to <paramref name="toUtc"/>. A zone without changes (such as Asia/Ho_Chi_Minh,
    /// fixed at +07:00) gets one <c>STANDARD</c> observance; each change in the span gets its own observance.
    /// </summary>
    public static IReadOnlyList<string> Lines(TimeZoneInfo zone, DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        var id = IdOf(zone);
        var localYear = TimeZoneInfo.ConvertTime(fromUtc, zone).Year;
        var yearStart = new DateTime(localYear, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var start = new DateTimeOffset(yearStart, zone.GetUtcOffset(yearStart)).ToUniversalTime();
        var lines = new List<string> { "BEGIN:VTIMEZONE", "TZID:" + id, "X-LIC-LOCATION:" + id };
        var offset = zone.GetUtcOffset(start);
        Observance(lines, zone.IsDaylightSavingTime(start), yearStart, offset, offset);
        foreach (var change in Changes(zone, start, toUtc))
        {
            var after = zone.GetUtcOffset(change);
            Observance(lines, zone.IsDaylightSavingTime(change), change.ToOffset(offset).DateTime, offset, after);
            offset = after;
        }
        lines.Add("END:VTIMEZONE");
        return lines;
    }

    /// <summary>An offset as iCalendar writes it: <c>+0700</c>, <c>-0330</c>.</summary>
    public static string Offset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        var text = sign + abs.Hours.ToString("00", CultureInfo.InvariantCulture) + abs.Minutes.ToString("00", CultureInfo.InvariantCulture);
        return abs.Seconds == 0 ? text : text + abs.Seconds.ToString("00", CultureInfo.InvariantCulture);
    }

    private static void Observance(List<string> lines, bool daylight, DateTime localStart, TimeSpan from, TimeSpan to)
    {
        var kind = daylight ? "DAYLIGHT" : "STANDARD";
        lines.Add("BEGIN:" + kind);
        lines.Add("DTSTART:" + localStart.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
        lines.Add("TZOFFSETFROM:" + Offset(from));
        lines.Add("TZOFFSETTO:" + Offset(to));
        lines.Add("END:" + kind);
    }

    /// <summary>First instants (to the minute) at which the zone's offset differs from the instant before.</summary>
    private static IEnumerable<DateTimeOffset> Changes(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        for (var day = from; day < to; day = day.AddDays(1))
        {
            var next = day.AddDays(1);
            if (zone.GetUtcOffset(day) == zone.GetUtcOffset(next)) continue;
            var (before, after) = (day, next);
            while (after - before > TimeSpan.FromMinutes(1))
            {
                var middle = before + (after - before) / 2;
                middle = new DateTimeOffset(middle.Ticks - middle.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
                if (middle <= before) break;
                if (zone.GetUtcOffset(middle) == zone.GetUtcOffset(before)) before = middle;
                else after = middle;
            }
            yield return after;
        }
    }
}
