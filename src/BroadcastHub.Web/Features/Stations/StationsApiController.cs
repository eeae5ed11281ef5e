using BroadcastHub.Core.Access;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Stations;

public sealed record NewStationRequest(string? Name);

public sealed record ZoneStationRequest(long StationId);

public sealed record ZoneOutputRequest(string? Spec);

/// <summary>Station PCs (máy phát) and the zones each plays. Administrators only.</summary>
[Route("api")]
[Authorize(Roles = Roles.Admin)]
public sealed class StationsApiController(StationAdmin stations, StationEnrolment enrolment) : ApiControllerBase
{
    /// <summary>Issues the station agent's token, shown once (stored hashed); enrolling again replaces it.</summary>
    [HttpPost("stations/{id:long}/enrol")]
    public IActionResult Enrol(long id) =>
        Created($"/api/stations/{id}", new { stationId = id, token = enrolment.Enrol(id, UserName) });

    /// <summary>Revokes the station agent's token: refused from the next request on.</summary>
    [HttpDelete("stations/{id:long}/enrol")]
    public IActionResult Revoke(long id)
    {
        enrolment.Revoke(id, UserName);
        return NoContent();
    }

    /// <summary>Every station with its queue and zones (and, for this station, each zone's output state).</summary>
    [HttpGet("stations")]
    public IActionResult List() => Ok(stations.List());

    /// <summary>Creates a station; its arm jobs go to the Hangfire queue <c>station-{id}</c>.</summary>
    [HttpPost("stations")]
    public IActionResult Create([FromBody] NewStationRequest request)
    {
        var station = stations.Create(request.Name);
        return Created($"/api/stations/{station.Id}", new { station.Id, station.Name, station.Queue });
    }

    /// <summary>Assigns a zone to the station that plays it.</summary>
    [HttpPut("zones/{id:long}/station")]
    public IActionResult AssignZone(long id, [FromBody] ZoneStationRequest request)
    {
        stations.AssignZone(id, request.StationId);
        return Ok(new { zoneId = id, request.StationId });
    }

    /// <summary>Chooses the output a zone plays through; an empty spec returns it to the configuration.</summary>
    [HttpPut("zones/{id:long}/output")]
    public IActionResult SetOutput(long id, [FromBody] ZoneOutputRequest request)
    {
        stations.SetOutput(id, request.Spec);
        return Ok(new { zoneId = id, spec = stations.OutputSpecOf(id), chosen = !string.IsNullOrWhiteSpace(request.Spec) });
    }
}
