using BroadcastHub.Core.Policies;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Features.BroadcastPolicies;

/// <summary>
/// A policy violation in the UI language. The rules (Core) describe violations in English for logs and the English UI;
/// a Vietnamese refusal is written here from the violation's stable code, so no message mixes the two languages.
/// </summary>
public static class PolicyTexts
{
    /// <summary>Why <paramref name="session"/> breaks <paramref name="policy"/>, for one violation.</summary>
    public static string Violation(PolicyViolation v, SessionSlot session, BroadcastPolicy policy) => Text.Pick(v.Code switch
    {
        "outside_allowed_hours" => $"Buổi phát {Hm(session.Start)}–{End(session.Start.ToTimeSpan() + session.Length)} nằm ngoài giờ cho phép {Hm(policy.AllowedFrom)}–{PolicyHierarchy.End(policy)}.",
        "weekday_not_allowed" => $"Các ngày {Days(session.Weekdays)} có ngày ngoài các ngày được phép ({Days(policy.Weekdays)}).",
        "session_too_long" => $"Buổi phát {session.LengthMinutes} phút dài hơn mức cho phép {policy.MaxSessionMinutes} phút.",
        "too_many_sessions" => $"Quá số buổi cho phép trong một ngày (tối đa {policy.MaxSessionsPerDay} buổi).",
        _ => "Vi phạm quy định phát thanh.",
    }, v.Detail);

    /// <summary>How <paramref name="child"/> is wider than <paramref name="parent"/>, for one widening.</summary>
    public static string Widening(PolicyViolation v, BroadcastPolicy child, BroadcastPolicy parent) => Text.Pick(v.Code switch
    {
        "hours_wider" => $"Giờ cho phép {Hm(child.AllowedFrom)}–{PolicyHierarchy.End(child)} không nằm trong {Hm(parent.AllowedFrom)}–{PolicyHierarchy.End(parent)}.",
        "weekdays_wider" => $"Các ngày {Days(child.Weekdays)} không nằm trong các ngày của cấp trên ({Days(parent.Weekdays)}).",
        "session_minutes_wider" => $"{child.MaxSessionMinutes} phút/buổi nhiều hơn mức {parent.MaxSessionMinutes} phút của cấp trên.",
        "sessions_per_day_wider" => $"{child.MaxSessionsPerDay} buổi/ngày nhiều hơn mức {parent.MaxSessionsPerDay} buổi của cấp trên.",
        _ => "Rộng hơn quy định của cấp trên.",
    }, v.Detail);

    private static string Hm(TimeOnly time) => time.ToString(time.Second == 0 ? "HH\\:mm" : "HH\\:mm\\:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static string End(TimeSpan end) => end >= TimeSpan.FromDays(1) ? "24:00" : Hm(TimeOnly.FromTimeSpan(end));

    private static string Days(IsoWeekdays days) => string.Join(",", days.ToIso());
}
