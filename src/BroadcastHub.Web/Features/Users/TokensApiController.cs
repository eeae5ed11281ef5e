using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Users;

public sealed record CreateTokenRequest(string? Name, int? ExpiresInDays);

/// <summary>The caller's own API tokens. Every role may hold tokens; an administrator may also revoke those of its users.</summary>
[Route("api/tokens")]
public sealed class TokensApiController(UserPages pages, PersonalTokens tokens) : ApiControllerBase
{
    /// <summary>Creates a personal token; the secret is in this response only.</summary>
    [HttpPost("")]
    public IActionResult Create([FromBody] CreateTokenRequest request)
    {
        var issued = tokens.Create(pages.Caller(User), request.Name, request.ExpiresInDays);
        Response.Headers.CacheControl = "no-store";
        return Created($"/api/tokens/{issued.Id}", new { issued.Id, issued.Token, issued.Name, issued.ExpiresAt });
    }

    /// <summary>The caller's live tokens, personal and sign-in, newest first; never a secret or its hash.</summary>
    [HttpGet("")]
    public IActionResult List() => Ok(tokens.List(pages.Caller(User)).Select(Json));

    /// <summary>Revokes a token at once: the next request that carries it gets 401.</summary>
    [HttpDelete("{id:long}")]
    public IActionResult Revoke(long id)
    {
        tokens.Revoke(pages.Caller(User), id);
        return NoContent();
    }

    internal static object Json(ApiToken t) => new { t.Id, t.Name, t.Kind, t.CreatedAt, t.ExpiresAt };
}
