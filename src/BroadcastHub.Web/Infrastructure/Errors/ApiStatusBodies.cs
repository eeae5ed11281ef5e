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
        400 => ("bad_request", Text.Pick("Yêu cầu không hợp lệ.", "The request is not valid.")),
        401 => ("unauthorized", Text.Pick(
            "Chưa đăng nhập: hãy gửi Authorization: Bearer <token> (lấy bằng POST /api/auth/token); token có thể đã hết hạn hoặc bị thu hồi.",
            "Not signed in: send Authorization: Bearer <token> (from POST /api/auth/token); the token may have expired or been revoked.")),
        403 => ("forbidden", Text.Pick(
            "Vai trò của bạn không được phép làm việc này.", "Your role is not allowed to do this.")),
        404 => ("not_found", Text.Pick(
            "Không có địa chỉ API này (xem docs/api.md).", "There is no such API route (see docs/api.md).")),
        405 => ("method_not_allowed", allowed.Length > 0
            ? Text.Pick($"Địa chỉ này không nhận {method}; chỉ nhận {allowed}.", $"This route does not accept {method}; it accepts {allowed}.")
            : Text.Pick($"Địa chỉ này không nhận {method}.", $"This route does not accept {method}.")),
        406 => ("not_acceptable", Text.Pick("API chỉ trả lời JSON.", "The API answers JSON only.")),
        409 => ("conflict", Text.Pick("Yêu cầu xung đột với dữ liệu hiện có.", "The request conflicts with the stored data.")),
        413 => ("file_too_large", Text.Pick("Tệp quá lớn.", "The request body is too large.")),
        415 => ("unsupported_media_type", Text.Pick(
            "Kiểu nội dung không được hỗ trợ: hãy gửi JSON (Content-Type: application/json), hoặc multipart/form-data khi tải tệp lên.",
            "Unsupported content type: send JSON (Content-Type: application/json), or multipart/form-data to upload a file.")),
        429 => ("too_many_requests", Text.Pick("Quá nhiều yêu cầu; hãy thử lại sau.", "Too many requests; try again later.")),
        >= 500 => ("internal_error", Text.Pick("Lỗi hệ thống; đã ghi vào nhật ký.", "Internal error; it has been logged.")),
        _ => ("http_error", Text.Pick($"Yêu cầu bị từ chối (HTTP {status}).", $"The request was refused (HTTP {status}).")),
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
        return ApiError.Result(400, "invalid_request", Text.Pick(
            key is null
                ? "Yêu cầu không hợp lệ: hãy gửi JSON đúng dạng trong tài liệu API (docs/api.md)."
                : $"Yêu cầu không hợp lệ ở '{key}': giá trị thiếu hoặc sai kiểu (xem docs/api.md).",
            $"Invalid request{(key is null ? "" : $" at '{key}'")}{(detail is null ? "." : $": {detail}")}"));
    }
}
