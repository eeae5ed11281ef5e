using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Users;

public sealed record CreateTokenRequest(string? Name, int? ExpiresInDays);

/// <summary>The caller's own API tokens. Every role may hold tokens; an administrator may also revoke those of its users.</summary>
[Route("api/tokens")]
public sealed class TokensApiController(TokenRepository tokens, UserRepository users, PlacesRepository places, TimeProvider time) : ApiControllerBase
{
    private readonly PersonalTokens _tokens = new(tokens, users, places, time);

    /// <summary>Creates a personal token; the secret is in this response only.</summary>
    [HttpPost("")]
    public IActionResult Create([FromBody] CreateTokenRequest request)
    {
        var issued = _tokens.Create(CurrentUser.Of(User, users), request.Name, request.ExpiresInDays);
        Response.Headers.CacheControl = "no-store";
        return Created($"/api/tokens/{issued.Id}", new { issued.Id, issued.Token, issued.Name, issued.ExpiresAt });
    }

    /// <summary>The caller's live tokens, personal and sign-in, newest first; never a secret or its hash.</summary>
    [HttpGet("")]
    public IActionResult List() => Ok(_tokens.List(CurrentUser.Of(User, users)).Select(Json));

    /// <summary>Revokes a token at once: the next request that carries it gets 401.</summary>
    [HttpDelete("{id:long}")]
    public IActionResult Revoke(long id)
    {
        _tokens.Revoke(CurrentUser.Of(User, users), id);
        return NoContent();
    }

    internal static object Json(ApiToken t) => new { t.Id, t.Name, t.Kind, t.CreatedAt, t.ExpiresAt };
}
