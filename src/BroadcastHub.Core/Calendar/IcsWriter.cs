using System.Globalization;
using System.Text;

namespace BroadcastHub.Core.Calendar;

/// <summary>
/// Writes a <see cref="CalendarFeed"/> as an RFC 5545 iCalendar object: CRLF line endings, lines folded at 75
/// octets, TEXT values escaped, wall-clock times with the feed's <c>TZID</c>, <c>DTSTAMP</c> in UTC.
/// </summary>
public static class IcsWriter
{
    /// <summary>The MIME type of the output.</summary>
    public const string ContentType = "text/calendar; charset=utf-8";

    private const string UtcFormat = "yyyyMMdd'T'HHmmss'Z'";
    private const string LocalFormat = "yyyyMMdd'T'HHmmss";

    /// <summary>The whole calendar as text, ending with CRLF.</summary>
    public static string Write(CalendarFeed feed)
    {
        var tzid = IcsTimeZone.IdOf(feed.Zone);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "PRODID:" + IcsText.Escape(feed.ProductId),
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + IcsText.Escape(feed.Name),
            "X-WR-TIMEZONE:" + tzid,
        };
        if (feed.Events.Count > 0)
        {
            var from = feed.Events.Min(e => e.StartUtc);
            var to = feed.Events.Max(e => e.EndUtc);
            lines.AddRange(IcsTimeZone.Lines(feed.Zone, from < feed.Stamp ? from : feed.Stamp, to));
        }
        else
        {
            lines.AddRange(IcsTimeZone.Lines(feed.Zone, feed.Stamp, feed.Stamp));
        }
        foreach (var e in feed.Events) AddEvent(lines, e, feed, tzid);
        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines) text.Append(IcsLineFolder.Fold(line)).Append("\r\n");
        return text.ToString();
    }

    private static void AddEvent(List<string> lines, CalendarEvent e, CalendarFeed feed, string tzid)
    {
        lines.Add("BEGIN:VEVENT");
        lines.Add("UID:" + IcsText.Escape(e.Uid));
        lines.Add("DTSTAMP:" + feed.Stamp.UtcDateTime.ToString(UtcFormat, CultureInfo.InvariantCulture));
        lines.Add($"DTSTART;TZID={tzid}:{Local(e.StartUtc, feed.Zone)}");
        lines.Add($"DTEND;TZID={tzid}:{Local(e.EndUtc, feed.Zone)}");
        if (e.WeeklyOn is { } days) lines.Add("RRULE:FREQ=WEEKLY;BYDAY=" + string.Join(',', days.ToIso().Select(DayCode)));
        lines.Add("SUMMARY:" + IcsText.Escape(e.Summary));
        if (!string.IsNullOrEmpty(e.Description)) lines.Add("DESCRIPTION:" + IcsText.Escape(e.Description));
        if (!string.IsNullOrEmpty(e.Location)) lines.Add("LOCATION:" + IcsText.Escape(e.Location));
        lines.Add("STATUS:" + (e.Status == CalendarEventStatus.Cancelled ? "CANCELLED" : "CONFIRMED"));
        lines.Add("TRANSP:" + (e.Transparent ? "TRANSPARENT" : "OPAQUE"));
        lines.Add("END:VEVENT");
    }

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).DateTime.ToString(LocalFormat, CultureInfo.InvariantCulture);

    private static string DayCode(int isoDay) => isoDay switch
    {
        1 => "MO", 2 => "TU", 3 => "WE", 4 => "TH", 5 => "FR", 6 => "SA", _ => "SU",
    };
}
