using BroadcastHub.Web.Infrastructure.Auth;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Users;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>The caller's own account.</summary>
[Route("api/profile")]
public sealed class ProfileApiController(UserPages pages, PasswordChange passwords) : ApiControllerBase
{
    /// <summary>
    /// Changes the caller's password: 204; 400 <c>wrong_password</c>, <c>account_locked</c>, <c>weak_password</c>,
    /// <c>common_password</c>, <c>password_too_long</c>, <c>password_unchanged</c>. Every other sign-in and token of the caller ends; the token
    /// making this request stays valid.
    /// </summary>
    [HttpPost("password")]
    public IActionResult ChangePassword([FromBody] ChangePasswordRequest request)
    {
        var token = ApiTokenHandler.BearerToken(Request);
        passwords.Change(pages.Caller(User), request.CurrentPassword, request.NewPassword, request.NewPassword,
            token is null ? null : AccountService.HashToken(token));
        return NoContent();
    }
}
