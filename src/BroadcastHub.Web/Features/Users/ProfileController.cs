using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Users;

/// <summary>Hồ sơ cá nhân: any signed-in user changes its password and manages its personal API tokens.</summary>
[Route("profile")]
public sealed class ProfileController(
    UserRepository users, TokenRepository tokens, PlacesRepository places, PasswordChange passwords, AccountService accounts, TimeProvider time)
    : PageController
{
    public const string PasswordKey = "password";
    public const string TokenKey = "token";
    private readonly PersonalTokens _tokens = new(tokens, users, places, time);

    [HttpGet("")]
    public IActionResult Index() => View(Page(new TokenForm(), null));

    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword(string? currentPassword, string? newPassword, string? confirmPassword)
    {
        try
        {
            var changed = passwords.Change(CurrentUser.Of(User, users), currentPassword, newPassword, confirmPassword);
            // This sign-in goes on with the new security stamp; every other one has ended.
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                accounts.PrincipalFor(changed, CookieAuthenticationDefaults.AuthenticationScheme));
            Flash(Text.Pick("Đã đổi mật khẩu.", "Password changed."));
            return RedirectToAction(nameof(Index));
        }
        catch (AppException e)
        {
            Refused(e, PasswordKey);
            return View(nameof(Index), Page(new TokenForm(), null));
        }
    }

    [HttpPost("tokens")]
    public IActionResult CreateToken(TokenForm form)
    {
        try
        {
            var issued = _tokens.Create(CurrentUser.Of(User, users), form.Name, form.ExpiresInDays);
            Response.Headers.CacheControl = "no-store";
            return View(nameof(Index), Page(new TokenForm(), issued));
        }
        catch (AppException e)
        {
            Refused(e, TokenKey);
            return View(nameof(Index), Page(form, null));
        }
    }

    [HttpPost("tokens/{id:long}/revoke")]
    public IActionResult RevokeToken(long id)
    {
        try
        {
            var token = _tokens.Revoke(CurrentUser.Of(User, users), id);
            Flash(Text.Pick($"Đã thu hồi mã truy cập \"{token.Name}\".", $"Revoked token \"{token.Name}\"."));
            return RedirectToAction(nameof(Index));
        }
        catch (AppException e)
        {
            Refused(e, TokenKey);
            return View(nameof(Index), Page(new TokenForm(), null));
        }
    }

    private ProfilePage Page(TokenForm form, IssuedToken? issued)
    {
        var user = CurrentUser.Of(User, users);
        return new ProfilePage
        {
            User = user, UnitName = user.UnitId is { } id ? places.FindUnit(id)?.Name : null,
            Tokens = _tokens.List(user, TokenRepository.PersonalKind), TokenForm = form, Issued = issued,
        };
    }
}
