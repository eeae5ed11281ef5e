using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ActionConstraints;

namespace BroadcastHub.Web.Infrastructure.Mvc;

/// <summary>
/// Selects an action only for requests whose <c>Accept</c> header asks for JSON (a script), so a page URL can answer
/// a plain form post with HTML and a script's post with JSON.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcceptsJsonAttribute : ActionMethodSelectorAttribute
{
    public override bool IsValidForRequest(RouteContext routeContext, ActionDescriptor action) =>
        routeContext.HttpContext.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
}
