using BroadcastHub.Core.Access;
using BroadcastHub.Web.Features.Scheduling;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Scope;
using BroadcastHub.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Places;

public sealed record CreateCommuneRequest(string? Name, long? ParentUnitId);
public sealed record CreateUnitRequest(string? Name, long? ParentUnitId);
public sealed record CreateSessionRequest(long CommuneId, List<int>? Weekdays, string? Start, int LengthMinutes);
public sealed record PolicyRequest(string? AllowedFrom, string? AllowedTo, List<int>? Weekdays, int? MaxSessionMinutes, int? MaxSessionsPerDay);

/// <summary>Units, communes, sessions and policies, each within the caller's unit subtree.</summary>
[Route("api")]
public sealed class PlacesApiController(PlacesService places, CommunePages pages, UserScope scope, Policies policies, RundownQuery rundowns) : ApiControllerBase
{
    [HttpGet("communes")]
    public IActionResult Communes() => Ok(scope.Communes);

    [HttpPost("communes")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult CreateCommune([FromBody] CreateCommuneRequest request)
    {
        var commune = places.CreateCommune(request.Name, request.ParentUnitId);
        return Created($"/api/communes/{commune.Id}", commune);
    }

    [HttpGet("units")]
    public IActionResult Units() => Ok(scope.Units);

    [HttpPost("units")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult CreateUnit([FromBody] CreateUnitRequest request)
    {
        var unit = places.CreateUnit(request.Name, request.ParentUnitId);
        return Created($"/api/units/{unit.Id}", unit);
    }

    /// <summary>Sets a unit's broadcast policy; communes below it inherit it.</summary>
    [HttpPut("units/{id:long}/policy")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult SetPolicy(long id, [FromBody] PolicyRequest request) =>
        Ok(PolicyJson(places.SetPolicy(id, request.AllowedFrom, request.AllowedTo, request.Weekdays, request.MaxSessionMinutes, request.MaxSessionsPerDay)));

    /// <summary>The policy in force for a commune (its own unit's or inherited), for display.</summary>
    [HttpGet("communes/{id:long}/policy")]
    public IActionResult CommunePolicy(long id)
    {
        places.FindCommune(id);
        return Ok(PolicyJson(policies.ForCommune(id)));
    }

    /// <summary>The items of a session's occurrence on a date with their planned offsets.</summary>
    [HttpGet("sessions/{id:long}/rundown")]
    public IActionResult Rundown(long id, [FromQuery] string? date) => Ok(rundowns.For(id, date));

    [HttpGet("sessions")]
    public IActionResult Sessions([FromQuery] long? communeId)
    {
        return Ok(pages.Sessions(communeId).Select(SessionJson));
    }

    [HttpPost("sessions")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult CreateSession([FromBody] CreateSessionRequest request)
    {
        var session = places.CreateSession(request.CommuneId, request.Weekdays, request.Start, request.LengthMinutes);
        return Created($"/api/sessions/{session.Id}", SessionJson(session));
    }

    private static object PolicyJson(Core.Policies.BroadcastPolicy p) => new
    {
        allowedFrom = p.AllowedFrom.ToString("HH:mm"), allowedTo = p.AllowedTo.ToString("HH:mm"), weekdays = p.Weekdays.ToIso(),
        p.MaxSessionMinutes, p.MaxSessionsPerDay,
    };

    private static object SessionJson(Core.Scheduling.SessionSlot s) => new
    {
        s.Id, s.CommuneId, weekdays = s.Weekdays.ToIso(), start = s.Start.ToString("HH:mm:ss"), s.LengthMinutes,
        date = s.OnlyOn?.ToString("yyyy-MM-dd"),
    };
}
