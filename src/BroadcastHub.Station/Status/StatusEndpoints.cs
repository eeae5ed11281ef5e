using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace BroadcastHub.Station.Status;

/// <summary><c>GET /health</c> (JSON) and the local status page at <c>/</c>.</summary>
public static class StatusEndpoints
{
    /// <summary>Maps both routes.</summary>
    public static IEndpointRouteBuilder MapStationStatus(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (StationStatus status) => Results.Json(status.Snapshot()));
        app.MapGet("/", (StationStatus status) => Results.Content(Page(status.Snapshot()), "text/html; charset=utf-8"));
        return app;
    }

    private static string Page(StationSnapshot s)
    {
        var h = HtmlEncoder.Create(UnicodeRanges.All);
        var state = s.State == StationStatus.Enrolled ? "Đã đăng ký với máy chủ (enrolled)" : "Chưa đăng ký với máy chủ (not enrolled)";
        var mb = (s.Cache.Bytes / 1_048_576.0).ToString("0.0", CultureInfo.InvariantCulture);
        return $"""
            <!doctype html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>BroadcastHub – máy phát (station agent)</title></head>
            <body style="font-family:sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem">
            <h1>BroadcastHub – máy phát <small>(station agent)</small></h1>
            <dl>
            <dt>Trạng thái (state)</dt><dd>{h.Encode(state)}</dd>
            <dt>Số ngày lưu trước (cache days)</dt><dd>{s.CacheDays}</dd>
            <dt>Tệp âm thanh đã lưu (cached media)</dt><dd>{s.Cache.Files} ({mb} MB)</dd>
            <dt>Đồng bộ lần cuối (last sync)</dt><dd>{When(s.LastSync)}</dd>
            <dt>Phiên bản lịch (manifest version)</dt><dd>{h.Encode(s.ManifestVersion ?? "—")}</dd>
            <dt>Lần phát đã lưu (occurrences cached)</dt><dd>{s.OccurrencesCached}</dd>
            <dt>Đủ âm thanh đến (cache ready until)</dt><dd>{When(s.CacheReadyUntil)}</dd>
            <dt>Tự phát được đến (airs on its own until)</dt><dd>{Covered(s.Playout)}</dd>
            <dt>Đang phát (on air)</dt><dd>{(s.Playout is { OnAir.Count: > 0 } p ? "vùng (zones) " + string.Join(", ", p.OnAir) : "—")}</dd>
            <dt>Lần phát kế tiếp (next occurrence)</dt><dd>{When(s.Playout?.NextOccurrence)}</dd>
            <dt>Nhật ký phát chờ gửi (pending airtime)</dt><dd>{s.PendingAirtime}{Refused(s, h)}</dd>
            <dt>Lệch giờ so với máy chủ (clock offset)</dt><dd>{(s.ClockOffsetMs is { } ms ? ms.ToString(CultureInfo.InvariantCulture) + " ms" : "—")}</dd>
            <dt>Kết nối máy chủ (hub reachable)</dt><dd>{Reachable(s.HubReachable)}</dd>
            <dt>Phiên bản (version)</dt><dd>{h.Encode(s.AgentVersion)}</dd>
            </dl>
            <p><a href="/health">/health</a></p>
            </body></html>
            """;
    }

    private static string When(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "—";

    private static string Covered(PlayoutSnapshot? p) => p?.CoveredUntil is { } until
        ? $"{When(until)} ({(p.CoveredHours ?? 0).ToString("0.0", CultureInfo.InvariantCulture)} h)"
            + (p.CoveredHours < 24 ? " — <strong style=\"color:#b00\">dưới 24 giờ (less than 24 h)</strong>" : "")
        : "—";

    private static string Reachable(bool? reachable) => reachable switch
    {
        true => "Có (yes)",
        false => "Không kết nối được (unreachable)",
        null => "Chưa thử (not tried yet)",
    };

    private static string Refused(StationSnapshot s, HtmlEncoder h) => s.AirtimeError is { } e
        ? $" — <strong style=\"color:#b00\">máy chủ từ chối {e.Refused} bản ghi (hub refused): {h.Encode(e.Code)}</strong>"
        : "";
}
