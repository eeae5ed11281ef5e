using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Infrastructure.Errors;

/// <summary>The API's error body: <c>{ "error": code, "message": text }</c>.</summary>
public sealed record ApiError(string Error, string Message)
{
    public static ObjectResult Result(int status, string code, string message) =>
        new(new ApiError(code, message)) { StatusCode = status };

    public static ObjectResult From(AppException e) => Result(e.Status, e.Code, e.Message);
}
