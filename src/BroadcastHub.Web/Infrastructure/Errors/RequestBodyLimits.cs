using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Infrastructure.Errors;

/// <summary>The <c>BroadcastHub:Limits</c> configuration section: request body sizes.</summary>
public sealed class RequestBodyLimitOptions
{
    public const string Section = "BroadcastHub:Limits";

    /// <summary>Largest body of every route that does not take a file (sign-in, JSON APIs, forms).</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}

/// <summary>
/// A body limit per route: audio uploads may send <see cref="BroadcastHubOptions.MaxUploadBytes"/> (plus the form's
/// framing), playlist imports their own limit, everything else <see cref="RequestBodyLimitOptions.MaxRequestBodyBytes"/>.
/// A body that declares a larger length is refused with 413 before any handler reads it; a chunked one is refused the
/// same way as soon as reading it passes the limit.
/// </summary>
public static class RequestBodyLimits
{
    private const long FormFraming = 1024 * 1024;

    /// <summary>The largest body <paramref name="request"/> may send.</summary>
    public static long For(HttpRequest request, BroadcastHubOptions hub, RequestBodyLimitOptions limits)
    {
        var path = request.Path.Value?.TrimEnd('/') ?? "";
        // An agent's relay recording: StationRecordingUpload enforces BroadcastHub:Relay:AgentRecordingMaxMegabytes (recording_too_large).
        if (HttpMethods.IsPut(request.Method) && path.StartsWith("/api/station/airtime/", StringComparison.OrdinalIgnoreCase)
            && path.EndsWith("/recording", StringComparison.OrdinalIgnoreCase))
            return long.MaxValue;
        if (!HttpMethods.IsPost(request.Method)) return limits.MaxRequestBodyBytes;
        if (IsUpload(path)) return hub.MaxUploadBytes + FormFraming;
        if (path.Equals("/api/playlists/import", StringComparison.OrdinalIgnoreCase))
            return Features.Playlists.PlaylistService.MaxBytes + limits.MaxRequestBodyBytes;
        return limits.MaxRequestBodyBytes;
    }

    private static bool IsUpload(string path) =>
        path.Equals("/library/upload", StringComparison.OrdinalIgnoreCase) || path.Equals("/api/bulletins", StringComparison.OrdinalIgnoreCase);

    /// <summary>Applies the limits to every request.</summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var hub = context.RequestServices.GetRequiredService<IOptions<BroadcastHubOptions>>().Value;
        var limits = context.RequestServices.GetRequiredService<IOptions<RequestBodyLimitOptions>>().Value;
        var limit = For(context.Request, hub, limits);
        if (context.Request.ContentLength > limit)
        {
            await RefuseAsync(context, limit);
            return;
        }
        if (context.Request.ContentLength is not null)
        {
            await next();
            return;
        }
        context.Request.Body = new LimitedRequestBody(context.Request.Body, limit);
        try
        {
            await next();
        }
        catch (RequestBodyTooLargeException) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await RefuseAsync(context, limit);
        }
    });

    private static Task RefuseAsync(HttpContext context, long limit)
    {
        var upload = IsUpload(context.Request.Path.Value?.TrimEnd('/') ?? "");
        var kb = limit / 1024;
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.Headers.Connection = "close";
        return context.Response.WriteAsJsonAsync(upload
            ? new ApiError("file_too_large", Msg.Get("TheFileIsTooLargeThe", Megabytes(limit)))
            : new ApiError("payload_too_large", Msg.Get("TheRequestBodyIsTooLarge2", kb)));

        static long Megabytes(long bytes) => (bytes - FormFraming) / (1024 * 1024);
    }
}
