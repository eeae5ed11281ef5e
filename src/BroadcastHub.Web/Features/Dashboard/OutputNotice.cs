using BroadcastHub.Playout;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Features.Dashboard;

/// <summary>
/// One short line saying what is wrong with a commune's output, in the UI language, with its status class
/// (<c>status-warning</c> amber, <c>status-error</c> red). The library's own text and file paths stay on the
/// administrator's pages (/stations, /health).
/// </summary>
public sealed record OutputNotice(string Status, string Line)
{
    /// <summary>Null when the output is fine (ready, or not opened yet).</summary>
    public static OutputNotice? For(ZoneOutputState state, string communeName)
    {
        if (state.LastError is not null || state.State == "error")
            return new("error", Text.Pick($"{communeName}: thiết bị phát báo lỗi ở lần phát gần nhất.",
                $"{communeName}: the output failed during its last session."));
        if (state.State == "fallback")
            return new("warning", Text.Pick($"{communeName}: không mở được thiết bị phát, đang ghi ra tệp thay thế.",
                $"{communeName}: the output did not open; writing to files instead."));
        if (state.RefusedSpec is not null)
            return new("warning", Text.Pick($"{communeName}: thiết bị phát đã chọn không được phép, đang dùng thiết bị theo cấu hình.",
                $"{communeName}: the chosen output is not allowed; the configured one plays."));
        if (state.Warning is not null)
            return new("warning", Text.Pick($"{communeName}: không có card âm thanh, đang ghi ra tệp thay vì phát ra loa.",
                $"{communeName}: no sound card; writing to files instead of the speakers."));
        return null;
    }

    /// <summary>The status class of the output's badge: ready is never red.</summary>
    public static string StatusOf(ZoneOutputState state) => For(state, "")?.Status ?? (state.State == "ready" ? "ready" : "idle");
}
