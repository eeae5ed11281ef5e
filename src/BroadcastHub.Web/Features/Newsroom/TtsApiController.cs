using BroadcastHub.Core.Access;
using BroadcastHub.Web.Features.Airtime;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Features.Newsroom;
using BroadcastHub.Web.Features.Newsroom.Tts;
using BroadcastHub.Web.Features.Stations;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Database;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Newsroom;

/// <summary>Text to speech over the API: the voices this machine has, and a bulletin read out from typed text.</summary>
[Route("api")]
public sealed class TtsApiController(TtsService tts, TtsVoices voices) : ApiControllerBase
{
    /// <summary><c>[{ id, name, engine, accent }]</c>; <c>vi</c> always works when any Vietnamese voice is installed.</summary>
    [HttpGet("tts/voices")]
    [Authorize(Roles = Roles.Admin + "," + Roles.Operator + "," + Roles.Supervisor)]
    public IActionResult Voices() => Ok(voices.List());

    /// <summary><c>{ title, text, voice, rate, validFrom?, validUntil? }</c> → 201 the bulletin (<c>PendingApproval</c>, <c>spokenText</c> kept).</summary>
    [HttpPost("bulletins/tts")]
    [Authorize(Roles = Roles.Admin + "," + Roles.Operator + "," + Roles.Supervisor)]
    public async Task<IActionResult> Create([FromBody] TtsRequest request, CancellationToken cancel)
    {
        try
        {
            var bulletin = await tts.CreateAsync(request, UserName, cancel);
            return Created($"/api/bulletins/{bulletin.Id}", BulletinsApiController.Json(bulletin));
        }
        catch (DuplicateUploadException e)
        {
            return Conflict(e.Body);
        }
    }
}
