using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Users;

public sealed record TokenRequest(string? UserName, string? Password);

[Route("api/auth")]
public sealed class AuthApiController(AccountService accounts) : ApiControllerBase
{
    /// <summary>Exchanges a user name and password for a bearer token.</summary>
    [HttpPost("token")]
    [AllowAnonymous]
    public IActionResult Token([FromBody] TokenRequest request)
    {
        var user = accounts.SignIn(request.UserName, request.Password);
        var (token, expiresAt) = accounts.IssueToken(user, "sign-in");
        return Ok(new { token, expiresAt });
    }
}
