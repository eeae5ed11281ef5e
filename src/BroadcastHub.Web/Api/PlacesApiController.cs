using BroadcastHub.Core.Access;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Api;

public sealed record CreateCommuneRequest(string? Name, long? ParentUnitId);
public sealed record CreateUnitRequest(string? Name, long? ParentUnitId);
public sealed record CreateSessionRequest(long CommuneId, List<int>? Weekdays, string? Start, int LengthMinutes);

[Route("api")]
public sealed class PlacesApiController(PlacesService places, PlacesRepository repository, SessionRepository sessions) : ApiControllerBase
{
    [HttpGet("communes")]
    public IActionResult Communes() => Ok(repository.ListCommunes());

    [HttpPost("communes")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult CreateCommune([FromBody] CreateCommuneRequest request)
    {
        var commune = places.CreateCommune(request.Name, request.ParentUnitId);
        return Created($"/api/communes/{commune.Id}", commune);
    }

    [HttpGet("units")]
    public IActionResult Units() => Ok(repository.ListUnits());

    [HttpPost("units")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult CreateUnit([FromBody] CreateUnitRequest request)
    {
        var unit = places.CreateUnit(request.Name, request.ParentUnitId);
        return Created($"/api/units/{unit.Id}", unit);
    }

    [HttpGet("sessions")]
    public IActionResult Sessions([FromQuery] long? communeId) => Ok(sessions.List(communeId).Select(SessionJson));

    [HttpPost("sessions")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult CreateSession([FromBody] CreateSessionRequest request)
    {
        var session = places.CreateSession(request.CommuneId, request.Weekdays, request.Start, request.LengthMinutes);
        return Created($"/api/sessions/{session.Id}", SessionJson(session));
    }

    private static object SessionJson(Core.Scheduling.SessionSlot s) => new
    {
        s.Id, s.CommuneId, weekdays = s.Weekdays.ToIso(), start = s.Start.ToString("HH:mm:ss"), s.LengthMinutes,
    };
}
