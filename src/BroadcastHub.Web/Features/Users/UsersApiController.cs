using BroadcastHub.Core.Access;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Users;

public sealed record CreateUserRequest(string? UserName, string? Password, string? Role, long? UnitId);

/// <summary>Users, for administrators, each within its own unit subtree.</summary>
[Route("api/users")]
[Authorize(Roles = Roles.Admin)]
public sealed class UsersApiController(UserPages pages, UserDirectory directory, PersonalTokens tokens, AccountAdmin admin) : ApiControllerBase
{
    /// <summary>The users the caller may administer, by name.</summary>
    [HttpGet("")]
    public IActionResult List() => Ok(directory.List(Caller));

    /// <summary>Creates a user with a hashed password: 400 on a bad field, 409 <c>user_exists</c> on a taken name.</summary>
    [HttpPost("")]
    public IActionResult Create([FromBody] CreateUserRequest request)
    {
        var user = directory.Create(Caller, new NewUser(request.UserName, request.Password, request.Role, request.UnitId));
        return Created($"/api/users/{user.Id}", user);
    }

    /// <summary>Another user's live tokens (no secrets), so an administrator can revoke one.</summary>
    [HttpGet("{id:long}/tokens")]
    public IActionResult Tokens(long id) => Ok(tokens.ListFor(Caller, id).Select(TokensApiController.Json));

    /// <summary>Disables a user: no sign-in, and every sign-in and token it has ends now. 404 <c>user_not_found</c>, 409 <c>cannot_disable_self</c>.</summary>
    [HttpPost("{id:long}/disable")]
    public IActionResult Disable(long id) => Ok(View(admin.Disable(Caller, id)));

    /// <summary>Enables a disabled user again.</summary>
    [HttpPost("{id:long}/enable")]
    public IActionResult Enable(long id) => Ok(View(admin.Enable(Caller, id)));

    /// <summary>Lifts a lockout after too many wrong passwords.</summary>
    [HttpPost("{id:long}/unlock")]
    public IActionResult Unlock(long id) => Ok(View(admin.Unlock(Caller, id)));

    /// <summary>A random temporary password, shown this once, that the user must change at its next sign-in; every sign-in it had ends.</summary>
    [HttpPost("{id:long}/reset-password")]
    public IActionResult ResetPassword(long id)
    {
        var temporaryPassword = admin.ResetPassword(Caller, id);
        Response.Headers.CacheControl = "no-store";
        return Ok(new { temporaryPassword });
    }

    private UserAccount Caller => pages.Caller(User);

    private UserView View(UserAccount user) => directory.List(Caller).Single(u => u.Id == user.Id);
}
