using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Time;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Features.Airtime;

/// <summary>The airtime export as a workbook: the log (names, local times, outcome in the UI language) and the summary.</summary>
public static class AirtimeWorkbook
{
    /// <summary>Writes the .xlsx into <paramref name="output"/>: the log, the summary and the signed chain head.</summary>
    public static void Write(Stream output, IEnumerable<AirtimeLogLine> lines, IReadOnlyList<CommuneAirtimeSummary> summary,
        AirtimeChainStamp stamp, StationClock clock)
    {
        using var xlsx = new XlsxWriter(output);
        xlsx.AddSheet(Text.Pick("Nhật ký phát", "Airtime log"),
            [
                Text.Pick("Ngày", "Date"), Text.Pick("Xã/phường", "Commune"), Text.Pick("Bản tin", "Bulletin"),
                Text.Pick("Giờ dự kiến", "Scheduled"), Text.Pick("Bắt đầu phát", "Aired from"), Text.Pick("Kết thúc", "Aired to"),
                Text.Pick("Đã phát (giây)", "Played (s)"), Text.Pick("Kết quả", "Outcome"), Text.Pick("Ghi chú", "Note"),
                Text.Pick("Mã bản ghi", "Record id"), Text.Pick("Mã lần phát", "Occurrence id"), Text.Pick("Vị trí", "Position"),
            ],
            [11, 24, 36, 19, 19, 19, 13, 16, 40, 11, 12, 8],
            lines.Select(l => (IReadOnlyList<object?>)
            [
                DateOnly.FromDateTime(Local(clock, l.Record.ScheduledStart)), l.CommuneName, l.BulletinTitle,
                Local(clock, l.Record.ScheduledStart), Local(clock, l.Record.ActualStart), Local(clock, l.Record.ActualEnd),
                l.Record.PlayedSeconds, AirtimeTexts.Outcome(l.Record.Outcome, l.Record.Error), l.Record.Error, l.Record.Id, l.Record.OccurrenceId, l.Record.Position,
            ]));
        xlsx.AddSheet(Text.Pick("Tổng hợp", "Summary"),
            [
                Text.Pick("Xã/phường", "Commune"), Text.Pick("Kế hoạch", "Planned"), Text.Pick("Đã phát", "Aired"), Text.Pick("Phát trễ", "Late"),
                Text.Pick("Bỏ lỡ", "Missed"), Text.Pick("Bị cắt cuối", "Truncated"), Text.Pick("Bị ngắt hoặc dừng", "Preempted or stopped"),
                Text.Pick("Lỗi", "Failed"), Text.Pick("Bị gián đoạn", "Interrupted"), Text.Pick("Bỏ qua", "Skipped"),
                Text.Pick("Số phút đã phát", "Minutes aired"),
            ],
            [24, 10, 10, 10, 10, 12, 15, 8, 13, 9, 15],
            summary.Select(s => (IReadOnlyList<object?>)
            [
                s.CommuneName, s.Planned, s.Aired, s.Late, s.Missed, s.Truncated, s.Preempted, s.Failed, s.Interrupted, s.Skipped,
                s.MinutesAired,
            ]));
        xlsx.AddSheet(Text.Pick("Chuỗi băm", "Chain"), [Text.Pick("Trường", "Field"), Text.Pick("Giá trị", "Value")], [16, 140],
            stamp.Fields.Select(f => (IReadOnlyList<object?>)[f.Name, f.Value]));
    }

    private static DateTime Local(StationClock clock, DateTimeOffset instant) => clock.ToLocal(instant).DateTime;

    private static DateTime? Local(StationClock clock, DateTimeOffset? instant) => instant is { } i ? Local(clock, i) : null;
}
