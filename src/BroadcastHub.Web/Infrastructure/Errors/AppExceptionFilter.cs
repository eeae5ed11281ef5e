using BroadcastHub.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.Filters;

namespace BroadcastHub.Web.Infrastructure.Errors;

/// <summary>
/// Turns refusals into the API's error body (the API, and page actions marked <see cref="JsonRefusalsAttribute"/>).
/// Pages show their refusals in the form through <c>PageController.Attempt</c>.
/// </summary>
public sealed class AppExceptionFilter : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (!AuthSetup.IsApi(context.HttpContext.Request))
        {
            if (context.Exception is not AppException refusal || !context.ActionDescriptor.EndpointMetadata.OfType<JsonRefusalsAttribute>().Any()) return;
            context.Result = ApiError.From(refusal);
            context.ExceptionHandled = true;
            return;
        }
        switch (context.Exception)
        {
            case AppException e:
                context.Result = ApiError.From(e);
                context.ExceptionHandled = true;
                break;
            case BadHttpRequestException { StatusCode: 413 }:
                context.Result = ApiError.Result(413, "file_too_large", Msg.Get("TheRequestBodyIsTooLarge"));
                context.ExceptionHandled = true;
                break;
        }
    }
}
