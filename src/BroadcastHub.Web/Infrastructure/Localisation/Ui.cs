using System.Globalization;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Web.Infrastructure.Localisation;

/// <summary>Texts and formats the views share: Vietnamese first, English when the UI culture is English.</summary>
public static class Ui
{
    public static string T(string vietnamese, string english) => Text.Pick(vietnamese, english);

    public static readonly IReadOnlyList<(int Iso, string Vi, string En)> Weekdays =
    [
        (1, "Thứ 2", "Mon"), (2, "Thứ 3", "Tue"), (3, "Thứ 4", "Wed"), (4, "Thứ 5", "Thu"),
        (5, "Thứ 6", "Fri"), (6, "Thứ 7", "Sat"), (7, "Chủ nhật", "Sun"),
    ];

    public static string WeekdayList(IsoWeekdays days) =>
        days.Mask == IsoWeekdays.Every.Mask ? T("Hằng ngày", "Every day")
        : string.Join(", ", days.ToIso().Select(d => T(Weekdays[d - 1].Vi, Weekdays[d - 1].En)));

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
