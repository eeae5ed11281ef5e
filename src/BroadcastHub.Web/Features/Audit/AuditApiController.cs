using System.Text.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Airtime;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Audit;

/// <summary>The audit log: who did what and when.</summary>
[Route("api/audit")]
[Authorize(Roles = Roles.Approvers)]
public sealed class AuditApiController(AuditRepository audit, ReportScope scope, StationClock clock) : ApiControllerBase
{
    /// <summary>Entries over local dates (yyyy-MM-dd, inclusive; default today), oldest first; a user with a unit sees its subtree's users' entries.</summary>
    [HttpGet]
    public IActionResult List([FromQuery] string? from, [FromQuery] string? to)
    {
        var range = ReportRange.Parse(from, to, clock);
        return Ok(scope.Visible(audit.List(range.FromUtc, range.ToUtc)).Select(e => new
        {
            e.Id, e.At, e.User, e.Action, e.Entity, e.EntityId,
            detail = e.Detail is null ? (JsonElement?)null : JsonSerializer.Deserialize<JsonElement>(e.Detail),
        }));
    }
}
