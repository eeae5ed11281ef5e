using BroadcastHub.Core.Access;
using BroadcastHub.Web.Features.Newsroom.Tts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using BroadcastHub.Web.Features.Airtime;
using BroadcastHub.Web.Features.Audit;
using BroadcastHub.Web.Features.BroadcastPolicies;
using BroadcastHub.Web.Features.Dashboard;
using BroadcastHub.Web.Features.Emergency;
using BroadcastHub.Web.Features.KeyRing;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Features.Newsroom;
using BroadcastHub.Web.Features.Places;
using BroadcastHub.Web.Features.Playlists;
using BroadcastHub.Web.Features.Scheduling;
using BroadcastHub.Web.Features.Stations;
using BroadcastHub.Web.Features.Stations.Push;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Auth;
using BroadcastHub.Web.Infrastructure.BackgroundJobs;
using BroadcastHub.Web.Infrastructure.Cli;
using BroadcastHub.Web.Infrastructure.Database;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Health;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Scope;
using BroadcastHub.Web.Infrastructure.Settings;
using BroadcastHub.Web.Playout;
using BroadcastHub.Web.Services;

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
