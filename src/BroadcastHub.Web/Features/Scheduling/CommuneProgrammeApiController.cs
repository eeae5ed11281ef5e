using BroadcastHub.Core.Access;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Places;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Scheduling;

public sealed record UnderfillRequest(string? Mode, long? PlaylistId);
public sealed record JinglesRequest(long? IntroBulletinId, long? OutroBulletinId);
public sealed record OneOffSessionRequest(string? Date, string? Start, int LengthMinutes);

/// <summary>A commune's programme (underfill mode, evergreen playlist, jingles) and its one-off sessions.</summary>
[Route("api/communes/{id:long}")]
public sealed class CommuneProgrammeApiController(CommuneProgrammes programmes, PlacesService places) : ApiControllerBase
{
    [HttpGet("programme")]
    public IActionResult Programme(long id) => Ok(Json(programmes.Find(id)));

    /// <summary>What fills an under-filled session: <c>endEarly</c> or <c>evergreen</c> with a playlist.</summary>
    [HttpPut("underfill")]
    [Authorize(Roles = Roles.Admin + "," + Roles.Supervisor)]
    public IActionResult SetUnderfill(long id, [FromBody] UnderfillRequest request) =>
        Ok(Json(programmes.SetUnderfill(id, request.Mode, request.PlaylistId)));

    /// <summary>Intro and outro jingles (bulletin ids; null removes one).</summary>
    [HttpPut("jingles")]
    [Authorize(Roles = Roles.Admin + "," + Roles.Supervisor)]
    public IActionResult SetJingles(long id, [FromBody] JinglesRequest request) =>
        Ok(Json(programmes.SetJingles(id, request.IntroBulletinId, request.OutroBulletinId)));

    /// <summary>Adds a one-off session on a single local date.</summary>
    [HttpPost("sessions")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult CreateOneOffSession(long id, [FromBody] OneOffSessionRequest request)
    {
        var s = places.CreateOneOffSession(id, request.Date, request.Start, request.LengthMinutes);
        return Created($"/api/sessions/{s.Id}", new
        {
            s.Id, s.CommuneId, date = s.OnlyOn?.ToString("yyyy-MM-dd"), weekdays = s.Weekdays.ToIso(), start = s.Start.ToString("HH:mm:ss"), s.LengthMinutes,
        });
    }

    private static object Json(CommuneProgrammeSettings s) => new
    {
        s.CommuneId, underfill = s.Underfill == Core.Scheduling.UnderfillMode.Evergreen ? "evergreen" : "endEarly",
        playlistId = s.EvergreenPlaylistId, s.IntroBulletinId, s.OutroBulletinId,
    };
}
