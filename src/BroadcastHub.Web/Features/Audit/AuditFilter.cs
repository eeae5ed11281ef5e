using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;

namespace BroadcastHub.Web.Features.Audit;

/// <summary>
/// Records every successful state-changing MVC action (POST, PUT, PATCH, DELETE; API and pages) in the audit log:
/// the user, <c>Controller.Action</c>, the resource (first route segment) and its id (route value or created id),
/// with route values, arguments and form fields (secrets redacted). Refused or failed requests are not recorded.
/// </summary>
public sealed class AuditFilter(AuditLog audit, ILogger<AuditFilter> log) : IAsyncActionFilter, IAsyncResultFilter
{
    private const string ArgumentsKey = "bh.audit.arguments";

    /// <summary>Requests that change nothing worth auditing (sign-in itself, the UI language).</summary>
    private static readonly string[] NotAudited = ["/api/auth", "/account/signin", "/account/signout", "/language"];

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (Audited(context.HttpContext.Request)) context.HttpContext.Items[ArgumentsKey] = AuditDetail.Arguments(context.ActionArguments);
        await next();
    }

    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var executed = await next();
        var http = context.HttpContext;
        if (!Audited(http.Request) || executed.Exception is not null && !executed.ExceptionHandled || executed.Canceled
            || http.Response.StatusCode >= 400 || !context.ModelState.IsValid) return;
        try
        {
            Record(context, http);
        }
        catch (Exception e)
        {
            log.LogError(e, "Could not write the audit entry for {Method} {Path}", http.Request.Method, http.Request.Path);
        }
    }

    private void Record(ResultExecutingContext context, HttpContext http)
    {
        var descriptor = context.ActionDescriptor as ControllerActionDescriptor;
        var action = descriptor is null ? context.ActionDescriptor.DisplayName ?? "?" : $"{descriptor.ControllerName}.{descriptor.ActionName}";
        var route = new JsonObject();
        foreach (var (key, value) in context.RouteData.Values)
            if (key is not ("controller" or "action" or "area")) route[key] = Convert.ToString(value, CultureInfo.InvariantCulture);
        var detail = new JsonObject
        {
            ["method"] = http.Request.Method,
            ["path"] = http.Request.Path.Value,
            ["status"] = http.Response.StatusCode,
            ["route"] = route,
        };
        if (http.Items[ArgumentsKey] is JsonObject { Count: > 0 } arguments) detail["arguments"] = arguments;
        if (AuditDetail.Form(http) is { } form) detail["form"] = form;
        var user = http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name ?? "?" : "anonymous";
        audit.Record(user, action, Entity(http.Request.Path), EntityId(context, route), AuditDetail.Capped(detail));
    }

    private static bool Audited(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)
         || HttpMethods.IsDelete(request.Method))
        && !NotAudited.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The resource: the first path segment after <c>/api</c>, e.g. <c>bulletins</c>, <c>zones</c>, <c>library</c>.</summary>
    internal static string Entity(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var skip = segments.Length > 1 && segments[0].Equals("api", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        return segments.Length > skip ? segments[skip].ToLowerInvariant() : "/";
    }

    /// <summary>The route's <c>id</c> (or first <c>…Id</c>), else the <c>id</c> of what the action returned.</summary>
    private static string? EntityId(ResultExecutingContext context, JsonObject route)
    {
        if (route["id"] is { } id) return id.GetValue<string>();
        var named = route.FirstOrDefault(p => p.Key.EndsWith("Id", StringComparison.OrdinalIgnoreCase));
        if (named.Value is { } value) return value.GetValue<string>();
        if (context.Result is not ObjectResult { Value: { } result }) return null;
        try
        {
            var json = JsonSerializer.SerializeToElement(result, result.GetType(), AuditLog.Json);
            return json.ValueKind == JsonValueKind.Object && json.TryGetProperty("id", out var created) ? created.ToString() : null;
        }
        catch (Exception e) when (e is NotSupportedException or JsonException)
        {
            return null;
        }
    }
}
