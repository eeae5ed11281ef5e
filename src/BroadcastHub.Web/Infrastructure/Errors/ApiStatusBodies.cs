using BroadcastHub.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Infrastructure.Errors;

/// <summary>
/// Gives every API answer of 400–599 that has no body yet (from authentication, authorization, routing or MVC: 401, 403,
/// an unknown route's 404, 405, 415…) the usual <c>{ error, message }</c> body with a stable code, in the request's
/// language. Pages keep their own behaviour (redirects to sign-in, the denied page, plain status codes).
/// </summary>
public static class ApiStatusBodies
{
    /// <summary>Installs the handler; after request localisation (messages in the request's language), before routing.</summary>
    public static WebApplication UseBroadcastHubApiStatusBodies(this WebApplication app)
    {
        app.UseStatusCodePages(WriteAsync);
        return app;
    }

    /// <summary>Writes the error body of an empty API answer; leaves pages alone.</summary>
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (!AuthSetup.IsApi(http.Request)) return Task.CompletedTask;
        var (code, message) = Describe(http.Response.StatusCode, http.Request.Method, http.Response.Headers.Allow.ToString());
        return http.Response.WriteAsJsonAsync(new ApiError(code, message));
    }

    /// <summary>The stable code and message of an HTTP status with no more specific refusal.</summary>
    public static (string Code, string Message) Describe(int status, string method, string allowed) => status switch
    {
        400 => ("bad_request", Msg.Get("TheRequestIsNotValid")),
        401 => ("unauthorized", Msg.Get("NotSignedInSendAuthorizationBearer")),
        403 => ("forbidden", Msg.Get("YourRoleIsNotAllowedTo")),
        404 => ("not_found", Msg.Get("ThereIsNoSuchAPIRoute")),
        405 => ("method_not_allowed", allowed.Length > 0
            ? Msg.Get("ThisRouteDoesNotAcceptIt", method, allowed)
            : Msg.Get("ThisRouteDoesNotAccept", method)),
        406 => ("not_acceptable", Msg.Get("TheAPIAnswersJSONOnly")),
        409 => ("conflict", Msg.Get("TheRequestConflictsWithTheStored")),
        413 => ("file_too_large", Msg.Get("TheRequestBodyIsTooLarge")),
        415 => ("unsupported_media_type", Msg.Get("UnsupportedContentTypeSendJSONContent")),
        429 => ("too_many_requests", Msg.Get("TooManyRequestsTryAgainLater")),
        >= 500 => ("internal_error", Msg.Get("InternalErrorItHasBeenLogged")),
        _ => ("http_error", Msg.Get("TheRequestWasRefusedHTTP", status)),
    };

    /// <summary>The 400 <c>invalid_request</c> answer to a body or query that cannot be read (wrong JSON, wrong type).</summary>
    public static IActionResult InvalidRequest(ActionContext context)
    {
        var first = context.ModelState.FirstOrDefault(e => e.Value?.Errors.Count > 0);
        var key = first.Key is { Length: > 0 } k ? k : null;
        var detail = first.Value?.Errors[0] is { } error
            ? error.ErrorMessage is { Length: > 0 } text ? text : error.Exception?.Message
            : null;
        // The framework's own reason is English: the Vietnamese text names the field instead of appending it.
        return ApiError.Result(400, "invalid_request", (key, detail) switch
        {
            (null, null) => Msg.Get("InvalidRequest"),
            (null, _) => Msg.Get("InvalidRequest2", detail),
            (_, null) => Msg.Get("InvalidRequestAt", key),
            _ => Msg.Get("InvalidRequestAt2", key, detail),
        });
    }
}
