using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Auth;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Features.Users;

/// <summary>
/// While a user must change its password (first administrator, reset password), pages lead to the profile page and
/// the API answers 403 <c>password_change_required</c>; only the password change, sign-out and the language switch pass.
/// </summary>
public sealed class PasswordChangeGate(RequestDelegate next)
{
    public const string Code = "password_change_required";
    public const string ProfilePath = "/profile";

    private static readonly string[] Allowed = [ProfilePath, "/api/profile/password", "/account/signout", "/account/denied", "/language"];

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.User.HasClaim(c => c.Type == AuthClaims.MustChangePassword)
            || Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            return next(context);
        if (AuthSetup.IsApi(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsJsonAsync(new ApiError(Code, Message));
        }
        context.Response.Redirect(ProfilePath);
        return Task.CompletedTask;
    }

    /// <summary>Why nothing else is allowed yet, in the UI language.</summary>
    public static string Message => Msg.Get("YouMustChangeYourPasswordBefore");
}
