using BroadcastHub.Core.Access;
using BroadcastHub.Playout;
using BroadcastHub.Web.Features.Emergency;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Stations;

public sealed record EmergencyRequest(List<long>? CommuneIds, long BulletinId);

/// <summary>Live control of the station: emergency airing and stop.</summary>
[Route("api")]
[Authorize(Roles = Roles.Admin + "," + Roles.Supervisor + "," + Roles.Operator)]
public sealed class StationApiController(EmergencyService emergency, PlayoutEngine engine, UserScope scope) : ApiControllerBase
{
    /// <summary>Phát ngay: airs a bulletin at once on the communes, preempting.</summary>
    [HttpPost("emergency")]
    public IActionResult Emergency([FromBody] EmergencyRequest request)
    {
        var result = emergency.StartAll(request.CommuneIds, request.BulletinId);
        return Accepted(new
        {
            occurrences = result.Started.Select(o => new { o.Id, o.CommuneId, o.ZoneId, start = o.StartUtc, end = o.EndUtc }),
            notAired = result.NotAired.Select(n => new { n.CommuneId, n.ZoneId, n.StationId, error = n.Code, n.Message }),
        });
    }

    /// <summary>Dừng phát: stops what the zone airs, with a short fade; a zone outside the caller's scope is not found.</summary>
    [HttpPost("zones/{id:long}/stop")]
    public IActionResult Stop(long id)
    {
        if (!scope.CoversZone(id)) throw ScopeRefusals.ZoneNotFound(id);
        if (emergency.StopOnAgent(id) is { } agentStation) return Accepted(new { stopped = true, zoneId = id, stationId = agentStation });
        if (emergency.StopRefusal(id) is { } refusal) throw refusal;
        return engine.StopZone(id)
            ? Ok(new { stopped = true, zoneId = id })
            : ApiError.Result(409, "nothing_playing", Msg.Get("NothingIsAiringOnThisZone"));
    }
}
