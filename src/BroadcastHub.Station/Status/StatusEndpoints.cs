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
            <dt>Phiên bản (version)</dt><dd>{h.Encode(s.AgentVersion)}</dd>
            </dl>
            <p><a href="/health">/health</a></p>
            </body></html>
            """;
    }
}
