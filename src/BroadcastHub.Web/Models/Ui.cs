using System.Globalization;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Models;

/// <summary>Texts and formats the views share: Vietnamese first, English when the UI culture is English.</summary>
public static class Ui
{
    public static string T(string vietnamese, string english) => Text.Pick(vietnamese, english);

    /// <summary>ISO weekday numbers, Monday (1) to Sunday (7).</summary>
    public static readonly IReadOnlyList<int> IsoWeekdayNumbers = [1, 2, 3, 4, 5, 6, 7];

    /// <summary>The short name of ISO weekday <paramref name="iso"/> (1 = Monday … 7 = Sunday).</summary>
    public static string WeekdayName(int iso) => iso switch
    {
        1 => T("Thứ 2", "Mon"),
        2 => T("Thứ 3", "Tue"),
        3 => T("Thứ 4", "Wed"),
        4 => T("Thứ 5", "Thu"),
        5 => T("Thứ 6", "Fri"),
        6 => T("Thứ 7", "Sat"),
        _ => T("Chủ nhật", "Sun"),
    };

    public static string WeekdayList(IsoWeekdays days) =>
        days.Mask == IsoWeekdays.Every.Mask ? T("Hằng ngày", "Every day")
        : string.Join(", ", days.ToIso().Select(WeekdayName));

    public static string Duration(double seconds)
    {
        var total = (long)Math.Round(seconds, MidpointRounding.AwayFromZero);
        return $"{total / 60:00}:{total % 60:00}";
    }

    /// <summary>A number with the UI culture's decimal separator (Vietnamese ",", English ".").</summary>
    public static string Number(double value, string format = "0.0") => value.ToString(format, CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// A planned local time of day as HH:mm: seconds mean nothing to an operator reading a schedule. A time set to the
    /// second (HH:mm:ss) keeps them, or two different starts would read the same.
    /// </summary>
    public static string Time(DateTimeOffset? local) => local?.ToString(TimeFormat(local.Value), CultureInfo.InvariantCulture) ?? "—";

    /// <summary>A planned local date and time as yyyy-MM-dd HH:mm (seconds only when set, like <see cref="Time"/>).</summary>
    public static string Stamp(DateTimeOffset? local) =>
        local?.ToString("yyyy-MM-dd " + TimeFormat(local.Value), CultureInfo.InvariantCulture) ?? "—";

    /// <summary>A measured local time (an actual start or end) to the minute: its seconds are noise in a log.</summary>
    public static string Minute(DateTimeOffset? local) => local?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "—";

    private static string TimeFormat(DateTimeOffset local) => local.Second == 0 && local.Millisecond == 0 ? "HH:mm" : "HH:mm:ss";

    public static string Status(BulletinStatus status) => status switch
    {
        BulletinStatus.PendingApproval => T("Chờ phê duyệt", "Awaiting approval"),
        BulletinStatus.Approved => T("Đã phê duyệt", "Approved"),
        _ => T("Bị từ chối", "Rejected"),
    };

    public static string StatusBadge(BulletinStatus status) => status switch
    {
        BulletinStatus.PendingApproval => "text-bg-warning",
        BulletinStatus.Approved => "text-bg-success",
        _ => "text-bg-danger",
    };

    public static string Outcome(AirtimeOutcome outcome) => outcome switch
    {
        AirtimeOutcome.Completed => T("Đã phát đủ", "Completed"),
        AirtimeOutcome.Late => T("Phát trễ", "Late"),
        AirtimeOutcome.Missed => T("Bỏ lỡ", "Missed"),
        AirtimeOutcome.Interrupted => T("Bị gián đoạn", "Interrupted"),
        AirtimeOutcome.Truncated => T("Bị cắt cuối", "Truncated"),
        AirtimeOutcome.Preempted => T("Bị ngắt", "Preempted"),
        AirtimeOutcome.Skipped => T("Bỏ qua", "Skipped"),
        _ => T("Lỗi", "Failed"),
    };

    public static string OutcomeBadge(AirtimeOutcome outcome) => outcome switch
    {
        AirtimeOutcome.Completed => "text-bg-success",
        AirtimeOutcome.Late or AirtimeOutcome.Truncated or AirtimeOutcome.Preempted => "text-bg-warning",
        AirtimeOutcome.Skipped => "text-bg-secondary",
        _ => "text-bg-danger",
    };

    public static string Occurrence(OccurrenceState? state) => state switch
    {
        null => T("Chưa có lịch", "Nothing booked"),
        OccurrenceState.Planned => T("Đã lên lịch", "Planned"),
        OccurrenceState.Claimed => T("Đang phát / đã phát", "On air / aired"),
        OccurrenceState.Missed => T("Bỏ lỡ", "Missed"),
        _ => T("Đã huỷ", "Cancelled"),
    };

    public static string OutputState(string state) => state switch
    {
        "ready" => T("Sẵn sàng", "Ready"),
        "idle" => T("Chưa mở", "Not opened yet"),
        "fallback" => T("Dự phòng: ghi ra tệp", "Fallback: writing to files"),
        "error" => T("Lỗi", "Error"),
        _ => state,
    };
}
