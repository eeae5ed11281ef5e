using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Users;

[Route("account")]
public sealed class AccountController(AccountService accounts) : PageController
{
    [HttpGet("signin")]
    [ActionName("SignIn")]
    [AllowAnonymous]
    public IActionResult SignInPage(string? returnUrl) => View("SignIn", new SignInForm { ReturnUrl = returnUrl });

    [HttpPost("signin")]
    [ActionName("SignIn")]
    [AllowAnonymous]
    public Task<IActionResult> SignInPost(SignInForm form) => AttemptAsync(async () =>
    {
        var user = accounts.SignIn(form.UserName, form.Password);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            accounts.PrincipalFor(user, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(LocalOr(form.ReturnUrl));
    }, "", () =>
    {
        form.Password = null;
        return View("SignIn", form);
    });

    [HttpPost("signout")]
    [ActionName("SignOut")]
    public async Task<IActionResult> SignOutPost()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/account/signin");
    }

    [HttpGet("denied")]
    [AllowAnonymous]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
