using System.Globalization;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Web.Infrastructure.Localisation;

/// <summary>Texts and formats the views share: Vietnamese first, English when the UI culture is English.</summary>
public static class Ui
{
    /// <summary>Whether the page is in English (the language switch offers Vietnamese then).</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>ISO weekday numbers, Monday (1) to Sunday (7).</summary>
    public static readonly IReadOnlyList<int> IsoWeekdayNumbers = [1, 2, 3, 4, 5, 6, 7];

    /// <summary>The short name of ISO weekday <paramref name="iso"/> (1 = Monday … 7 = Sunday).</summary>
    public static string WeekdayName(int iso) => iso switch
    {
        1 => Msg.Get("Mon"),
        2 => Msg.Get("Tue"),
        3 => Msg.Get("Wed"),
        4 => Msg.Get("Thu"),
        5 => Msg.Get("Fri"),
        6 => Msg.Get("Sat"),
        _ => Msg.Get("Sun"),
    };

    public static string WeekdayList(IsoWeekdays days) =>
        days.Mask == IsoWeekdays.Every.Mask ? Msg.Get("EveryDay")
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
        BulletinStatus.PendingApproval => Msg.Get("AwaitingApproval"),
        BulletinStatus.Approved => Msg.Get("Approved2"),
        _ => Msg.Get("Rejected2"),
    };

    public static string StatusBadge(BulletinStatus status) => status switch
    {
        BulletinStatus.PendingApproval => "text-bg-warning",
        BulletinStatus.Approved => "text-bg-success",
        _ => "text-bg-danger",
    };

    public static string Outcome(AirtimeOutcome outcome) => outcome switch
    {
        AirtimeOutcome.Completed => Msg.Get("Completed"),
        AirtimeOutcome.Late => Msg.Get("Late"),
        AirtimeOutcome.Missed => Msg.Get("Missed"),
        AirtimeOutcome.Interrupted => Msg.Get("Interrupted"),
        AirtimeOutcome.Truncated => Msg.Get("Truncated"),
        AirtimeOutcome.Preempted => Msg.Get("Preempted"),
        AirtimeOutcome.Skipped => Msg.Get("Skipped"),
        _ => Msg.Get("Failed"),
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
        null => Msg.Get("NothingBooked"),
        OccurrenceState.Planned => Msg.Get("Planned"),
        OccurrenceState.Claimed => Msg.Get("OnAirAired"),
        OccurrenceState.Missed => Msg.Get("Missed"),
        _ => Msg.Get("Cancelled"),
    };

    public static string OutputState(string state) => state switch
    {
        "ready" => Msg.Get("Ready"),
        "idle" => Msg.Get("NotOpenedYet"),
        "fallback" => Msg.Get("FallbackWritingToFiles"),
        "error" => Msg.Get("Error"),
        _ => state,
    };
}
