using BroadcastHub.Core.Access;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Auth;
using BroadcastHub.Web.Services.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Api;

public sealed record CreateUserRequest(string? UserName, string? Password, string? Role, long? UnitId);

/// <summary>Users, for administrators, each within its own unit subtree.</summary>
[Route("api/users")]
[Authorize(Roles = Roles.Admin)]
public sealed class UsersApiController(UserRepository users, TokenRepository tokens, PlacesRepository places, AccountService accounts, TimeProvider time)
    : ApiControllerBase
{
    private readonly UserDirectory _directory = new(users, places, accounts, time);
    private readonly PersonalTokens _tokens = new(tokens, users, places, time);

    /// <summary>The users the caller may administer, by name.</summary>
    [HttpGet("")]
    public IActionResult List() => Ok(_directory.List(CurrentUser.Of(User, users)));

    /// <summary>Creates a user with a hashed password: 400 on a bad field, 409 <c>user_exists</c> on a taken name.</summary>
    [HttpPost("")]
    public IActionResult Create([FromBody] CreateUserRequest request)
    {
        var user = _directory.Create(CurrentUser.Of(User, users), new NewUser(request.UserName, request.Password, request.Role, request.UnitId));
        return Created($"/api/users/{user.Id}", user);
    }

    /// <summary>Another user's live tokens (no secrets), so an administrator can revoke one.</summary>
    [HttpGet("{id:long}/tokens")]
    public IActionResult Tokens(long id) => Ok(_tokens.ListFor(CurrentUser.Of(User, users), id).Select(TokensApiController.Json));
}
