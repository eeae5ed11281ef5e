using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Infrastructure.Localisation;

/// <summary>Switches the UI language (Tiếng Việt / English) with the request-culture cookie.</summary>
[Route("language")]
[AllowAnonymous]
public sealed class LanguageController : PageController
{
    private static readonly string[] Supported = ["vi-VN", "en-US"];

    [HttpPost("")]
    public IActionResult Set(string? culture, string? returnUrl)
    {
        if (culture is null || !Supported.Contains(culture))
        {
            FlashError(Msg.Get("UnsupportedLanguage"));
            return LocalRedirect(LocalOr(returnUrl));
        }
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/",
                Secure = Request.IsHttps,
            });
        return LocalRedirect(LocalOr(returnUrl));
    }
}
