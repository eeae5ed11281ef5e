using BroadcastHub.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Diagnostics;

namespace BroadcastHub.Web.Infrastructure.Errors;

/// <summary>Last line of defence: a clear error, never a stack trace, and the process keeps running.</summary>
public static class UnhandledError
{
    public static async Task WriteAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, code, message) = error switch
        {
            AppException e => (e.Status, e.Code, e.Message),
            BadHttpRequestException { StatusCode: 413 } => (413, "file_too_large", Msg.Get("TheRequestBodyIsTooLarge")),
            BadHttpRequestException e => (e.StatusCode, "bad_request", Msg.Get("YeuCauKhongHopLe", e.Message)),
            not null when BroadcastHub.Data.SqlDialect.IsConnectionLost(error) => (503, "database_unavailable", Msg.Get("TheDatabaseIsUnreachableForNow")),
            _ => (500, "internal_error", Msg.Get("InternalErrorItHasBeenLogged")),
        };
        context.Response.StatusCode = status;
        if (AuthSetup.IsApi(context.Request) || context.Request.Path.StartsWithSegments("/health"))
            await context.Response.WriteAsJsonAsync(new ApiError(code, message));
        else
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(message);
        }
    }
}
