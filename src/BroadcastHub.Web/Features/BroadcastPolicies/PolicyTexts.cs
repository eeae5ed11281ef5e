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
    public static string Violation(PolicyViolation v, SessionSlot session, BroadcastPolicy policy) => v.Code switch
    {
        "outside_allowed_hours" => Msg.Get("BuoiPhatNamNgoaiGioCho", Hm(session.Start), End(session.Start.ToTimeSpan() + session.Length), Hm(policy.AllowedFrom), PolicyHierarchy.End(policy), v.Detail),
        "weekday_not_allowed" => Msg.Get("CacNgayCoNgayNgoaiCac", Days(session.Weekdays), Days(policy.Weekdays), v.Detail),
        "session_too_long" => Msg.Get("BuoiPhatPhutDaiHonMuc", session.LengthMinutes, policy.MaxSessionMinutes, v.Detail),
        "too_many_sessions" => Msg.Get("QuaSoBuoiChoPhepTrong", policy.MaxSessionsPerDay, v.Detail),
        _ => Msg.Get("ViPhamQuyDinhPhatThanh", v.Detail),
    };

    /// <summary>How <paramref name="child"/> is wider than <paramref name="parent"/>, for one widening.</summary>
    public static string Widening(PolicyViolation v, BroadcastPolicy child, BroadcastPolicy parent) => v.Code switch
    {
        "hours_wider" => Msg.Get("GioChoPhepKhongNamTrong", Hm(child.AllowedFrom), PolicyHierarchy.End(child), Hm(parent.AllowedFrom), PolicyHierarchy.End(parent), v.Detail),
        "weekdays_wider" => Msg.Get("CacNgayKhongNamTrongCac", Days(child.Weekdays), Days(parent.Weekdays), v.Detail),
        "session_minutes_wider" => Msg.Get("PhutBuoiNhieuHonMucPhut", child.MaxSessionMinutes, parent.MaxSessionMinutes, v.Detail),
        "sessions_per_day_wider" => Msg.Get("BuoiNgayNhieuHonMucBuoi", child.MaxSessionsPerDay, parent.MaxSessionsPerDay, v.Detail),
        _ => Msg.Get("RongHonQuyDinhCuaCap", v.Detail),
    };

    private static string Hm(TimeOnly time) => time.ToString(time.Second == 0 ? "HH\\:mm" : "HH\\:mm\\:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static string End(TimeSpan end) => end >= TimeSpan.FromDays(1) ? "24:00" : Hm(TimeOnly.FromTimeSpan(end));

    private static string Days(IsoWeekdays days) => string.Join(",", days.ToIso());
}
