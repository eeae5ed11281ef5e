using System.Text;
using BroadcastHub.Core.Calendar;
using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Core.Tests.Calendar;

public sealed class IcsWriterTests
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly DateTimeOffset Stamp = new(2026, 11, 27, 1, 2, 3, TimeSpan.Zero);

    private static CalendarFeed Feed(params CalendarEvent[] events) => new("Xã Sủng Là, Đồng Văn", Vietnam, Stamp, events);

    private static CalendarEvent Morning => new("occ-42@broadcasthub",
        new DateTimeOffset(2026, 11, 28, 22, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 28, 23, 0, 0, TimeSpan.Zero), "Buổi phát – Xã Sủng Là")
    {
        Description = "1. Tin thời tiết (2:05)\n2. Thông báo; tiêm chủng, đợt 2 (1:10)",
    };

    [Fact]
    public void Every_line_ends_with_crlf_and_there_is_no_bare_lf_or_cr()
    {
        var text = IcsWriter.Write(Feed(Morning));
        Assert.EndsWith("END:VCALENDAR\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        Assert.DoesNotContain("\r", text.Replace("\r\n", ""));
    }

    [Fact]
    public void Writes_the_calendar_properties_and_a_fixed_vtimezone_for_vietnam()
    {
        var lines = Unfolded(IcsWriter.Write(Feed(Morning)));
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains("CALSCALE:GREGORIAN", lines);
        Assert.Contains(lines, l => l.StartsWith("PRODID:"));
        Assert.Contains(@"X-WR-CALNAME:Xã Sủng Là\, Đồng Văn", lines);
        var zone = lines.SkipWhile(l => l != "BEGIN:VTIMEZONE").TakeWhile(l => l != "END:VTIMEZONE").ToList();
        Assert.Contains("TZID:Asia/Ho_Chi_Minh", zone);
        Assert.Single(zone, "BEGIN:STANDARD");
        Assert.DoesNotContain("BEGIN:DAYLIGHT", zone);
        Assert.Contains("TZOFFSETFROM:+0700", zone);
        Assert.Contains("TZOFFSETTO:+0700", zone);
    }

    [Fact]
    public void An_event_has_local_times_with_tzid_a_utc_stamp_and_escaped_text()
    {
        var lines = Unfolded(IcsWriter.Write(Feed(Morning)));
        var e = lines.SkipWhile(l => l != "BEGIN:VEVENT").TakeWhile(l => l != "END:VEVENT").ToList();
        Assert.Contains("UID:occ-42@broadcasthub", e);
        Assert.Contains("DTSTAMP:20261127T010203Z", e);
        Assert.Contains("DTSTART;TZID=Asia/Ho_Chi_Minh:20261129T053000", e);
        Assert.Contains("DTEND;TZID=Asia/Ho_Chi_Minh:20261129T060000", e);
        Assert.Contains("SUMMARY:Buổi phát – Xã Sủng Là", e);
        Assert.Contains(@"DESCRIPTION:1. Tin thời tiết (2:05)\n2. Thông báo\; tiêm chủng\, đợt 2 (1:10)", e);
        Assert.Contains("STATUS:CONFIRMED", e);
    }

    [Fact]
    public void Cancelled_and_recurring_events()
    {
        var cancelled = Morning with { Uid = "occ-43@broadcasthub", Status = CalendarEventStatus.Cancelled };
        var weekly = Morning with { Uid = "session-7@broadcasthub", WeeklyOn = IsoWeekdays.FromIso([1, 3, 5]), Transparent = true };
        var text = Unfolded(IcsWriter.Write(Feed(cancelled, weekly)));
        Assert.Contains("STATUS:CANCELLED", text);
        Assert.Contains("RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR", text);
        Assert.Contains("TRANSP:TRANSPARENT", text);
        Assert.Equal(2, text.Count(l => l == "BEGIN:VEVENT"));
    }

    [Fact]
    public void Long_vietnamese_descriptions_are_folded_within_75_octets()
    {
        var long1 = Morning with { Description = string.Join('\n', Enumerable.Range(1, 12).Select(i => $"{i}. Thông báo của Uỷ ban nhân dân xã về việc phòng chống dịch bệnh (3:0{i % 10})")) };
        var text = IcsWriter.Write(Feed(long1));
        foreach (var line in text.Split("\r\n")) Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line);
        Assert.Contains(Unfolded(text), l => l.StartsWith("DESCRIPTION:1. Thông báo") && l.EndsWith("(3:02)"));
    }

    [Fact]
    public void A_zone_with_daylight_saving_gets_an_observance_per_change()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var e = new CalendarEvent("x@t", new DateTimeOffset(2026, 3, 20, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 5, 8, 30, 0, TimeSpan.Zero), "s");
        var lines = Unfolded(IcsWriter.Write(new CalendarFeed("B", berlin, new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero), [e])));
        var zone = lines.SkipWhile(l => l != "BEGIN:VTIMEZONE").TakeWhile(l => l != "END:VTIMEZONE").ToList();
        var daylight = zone.SkipWhile(l => l != "BEGIN:DAYLIGHT").Take(4).ToList();
        Assert.Equal(["BEGIN:DAYLIGHT", "DTSTART:20260329T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200"], daylight);
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20260405T103000", lines.Select(l => l.Replace("DTEND", "DTSTART")));
    }

    internal static List<string> Unfolded(string text) =>
        text.Replace("\r\n ", "").Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
}
