using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Users;

/// <summary>Hồ sơ cá nhân: any signed-in user changes its password and manages its personal API tokens.</summary>
[Route("profile")]
public sealed class ProfileController(UserPages pages, PersonalTokens tokens, PasswordChange passwords, AccountService accounts) : PageController
{
    public const string PasswordKey = "password";
    public const string TokenKey = "token";

    [HttpGet("")]
    public IActionResult Index() => View(Page(new TokenForm(), null));

    [HttpPost("password")]
    public Task<IActionResult> ChangePassword(string? currentPassword, string? newPassword, string? confirmPassword) => AttemptAsync(async () =>
    {
        var changed = passwords.Change(pages.Caller(User), currentPassword, newPassword, confirmPassword);
        // This sign-in goes on with the new security stamp; every other one has ended.
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            accounts.PrincipalFor(changed, CookieAuthenticationDefaults.AuthenticationScheme));
        Flash(Msg.Get("PasswordChanged"));
        return RedirectToAction(nameof(Index));
    }, PasswordKey, () => View(nameof(Index), Page(new TokenForm(), null)));

    [HttpPost("tokens")]
    public IActionResult CreateToken(TokenForm form) => Attempt(() =>
    {
        var issued = tokens.Create(pages.Caller(User), form.Name, form.ExpiresInDays);
        Response.Headers.CacheControl = "no-store";
        return View(nameof(Index), Page(new TokenForm(), issued));
    }, TokenKey, () => View(nameof(Index), Page(form, null)));

    [HttpPost("tokens/{id:long}/revoke")]
    public IActionResult RevokeToken(long id) => Attempt(() =>
    {
        var token = tokens.Revoke(pages.Caller(User), id);
        Flash(Msg.Get("RevokedToken", token.Name));
        return RedirectToAction(nameof(Index));
    }, TokenKey, () => View(nameof(Index), Page(new TokenForm(), null)));

    private ProfilePage Page(TokenForm form, IssuedToken? issued) => pages.Profile(User, form, issued);
}
