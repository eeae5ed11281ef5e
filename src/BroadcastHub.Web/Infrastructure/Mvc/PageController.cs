using System.Security.Claims;
using BroadcastHub.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Infrastructure.Mvc;

/// <summary>Base of the Razor page controllers: cookie sign-in, refusals shown in the form, local redirects only.</summary>
public abstract class PageController : Controller
{
    public const string Staff = Core.Access.Roles.Admin + "," + Core.Access.Roles.Supervisor + "," + Core.Access.Roles.Operator;
    public const string FlashKey = "flash";
    public const string FlashErrorKey = "flash-error";

    protected string UserName => User.FindFirstValue(ClaimTypes.Name) ?? "?";

    /// <summary>Puts a refusal into the model state (shown by the form's summary) and sets the response status.</summary>
    protected void Refused(AppException e, string key = "")
    {
        ModelState.AddModelError(key, e.Message);
        Response.StatusCode = e.Status is 401 or 403 ? 400 : e.Status;
    }

    /// <summary>A message for the next page, after a redirect.</summary>
    protected void Flash(string message) => TempData[FlashKey] = message;

    protected void FlashError(string message) => TempData[FlashErrorKey] = message;

    /// <summary>The return URL if it stays on this site, else <paramref name="fallback"/>.</summary>
    protected string LocalOr(string? returnUrl, string fallback = "/") =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : fallback;
}
