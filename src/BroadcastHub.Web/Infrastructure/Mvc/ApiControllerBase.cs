using System.Security.Claims;
using BroadcastHub.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Infrastructure.Mvc;

/// <summary>JSON API for automation and station agents: bearer tokens only (no cookies, so no CSRF surface).</summary>
[ApiController]
[Authorize(AuthenticationSchemes = ApiTokenHandler.SchemeName)]
[IgnoreAntiforgeryToken]
[Produces("application/json")]
public abstract class ApiControllerBase : ControllerBase
{
    protected string UserName => User.FindFirstValue(ClaimTypes.Name) ?? "?";
}
