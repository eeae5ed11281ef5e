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

    /// <summary>
    /// Runs a page action; a refusal goes into the form <paramref name="key"/> (with its status) and the page
    /// <paramref name="again"/> is shown instead.
    /// </summary>
    protected IActionResult Attempt(Func<IActionResult> action, string key, Func<IActionResult> again) =>
        Attempt(action, e =>
        {
            Refused(e, key);
            return again();
        });

    /// <summary>Runs a page action; a refusal is answered by <paramref name="refused"/>.</summary>
    protected static IActionResult Attempt(Func<IActionResult> action, Func<AppException, IActionResult> refused)
    {
        try
        {
            return action();
        }
        catch (AppException e)
        {
            return refused(e);
        }
    }

    /// <summary>The asynchronous <see cref="Attempt(Func{IActionResult}, string, Func{IActionResult})"/>.</summary>
    protected async Task<IActionResult> AttemptAsync(Func<Task<IActionResult>> action, string key, Func<IActionResult> again)
    {
        try
        {
            return await action();
        }
        catch (AppException e)
        {
            Refused(e, key);
            return again();
        }
    }

    /// <summary>A page that cannot be shown: the refusal's message, its status and a link back.</summary>
    protected ViewResult RefusedPage(AppException e, string backUrl)
    {
        Response.StatusCode = e.Status;
        return View("Refused", new RefusedPage(e.Message, backUrl));
    }

    /// <summary>A message for the next page, after a redirect.</summary>
    protected void Flash(string message) => TempData[FlashKey] = message;

    protected void FlashError(string message) => TempData[FlashErrorKey] = message;

    /// <summary>The return URL if it stays on this site, else <paramref name="fallback"/>.</summary>
    protected string LocalOr(string? returnUrl, string fallback = "/") =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : fallback;
}
