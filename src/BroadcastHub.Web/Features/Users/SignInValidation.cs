using System.Globalization;
using System.Security.Claims;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Features.Users;

/// <summary>
/// Checks a page sign-in on every request against the account as stored (one read by primary key): it ends when the
/// user is gone or disabled, its security stamp changed (password change, reset, disable) or the absolute lifetime is
/// over; a change of role or of the must-change-password mark is taken over at once.
/// </summary>
public static class SignInValidation
{
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal;
        var user = long.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? services.GetRequiredService<UserRepository>().Find(id) : null;
        var signedInAt = principal is null ? null : AuthClaims.SignedInAtOf(principal);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lifetime = TimeSpan.FromHours(services.GetRequiredService<IOptions<AuthOptions>>().Value.CookieAbsoluteHours);
        if (principal is null || user is null || user.IsDisabled || signedInAt is null || now - signedInAt.Value > lifetime
            || (principal.FindFirstValue(AuthClaims.Stamp) ?? "") != user.SecurityStamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (principal.IsInRole(user.Role) && principal.HasClaim(c => c.Type == AuthClaims.MustChangePassword) == user.MustChangePassword) return;
        context.ReplacePrincipal(AuthClaims.PrincipalFor(user, CookieAuthenticationDefaults.AuthenticationScheme, signedInAt.Value));
        context.ShouldRenew = true;
    }
}
