using System.Text.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Audit;

/// <summary>The audit log: who did what and when.</summary>
[Route("api/audit")]
[Authorize(Roles = Roles.Approvers)]
public sealed class AuditApiController(AuditQuery query) : ApiControllerBase
{
    /// <summary>Entries over local dates (yyyy-MM-dd, inclusive; default today), oldest first; a user with a unit sees its subtree's users' entries.</summary>
    [HttpGet]
    public IActionResult List([FromQuery] string? from, [FromQuery] string? to) => Ok(query.List(from, to).Select(e => new
    {
        e.Id, e.At, e.User, e.Action, e.Entity, e.EntityId,
        detail = e.Detail is null ? (JsonElement?)null : JsonSerializer.Deserialize<JsonElement>(e.Detail),
    }));
}
