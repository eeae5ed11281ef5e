using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace BroadcastHub.Web.Features.Stations;

/// <summary>
/// The station-facing routes (issue 10): a station agent's token only, and the station is the token's, never the
/// request's. Every answer carries <c>X-Hub-Time</c> (the hub's clock, ISO 8601 UTC with milliseconds) for clock offsets.
/// </summary>
[ApiController]
[Route("api/station")]
[StationAgentRoute]
[IgnoreAntiforgeryToken]
public sealed class StationAgentApiController(TimeProvider time) : ControllerBase, IActionFilter
{
    private long StationId => StationTokenHandler.StationIdOf(User) ?? throw new InvalidOperationException("station route without a station principal");

    /// <inheritdoc />
    [NonAction]
    public void OnActionExecuting(ActionExecutingContext context) =>
        Response.Headers["X-Hub-Time"] = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    [NonAction]
    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    /// <summary>The station's zones' occurrences from now for <c>days</c> (1–30, default 3) with rundowns, media and policies.</summary>
    [HttpGet("manifest")]
    public IActionResult Manifest([FromQuery] int? days, [FromServices] StationManifestBuilder manifests)
    {
        var manifest = manifests.Build(StationId, days);
        Response.Headers.ETag = $"\"{manifest.Version}\"";
        return Ok(manifest);
    }

    /// <summary>A media file of the station's manifest by SHA-256, with HTTP Range support.</summary>
    [HttpGet("media/{sha256}")]
    public IActionResult Media(string sha256, [FromServices] StationMediaAccess media)
    {
        var file = PhysicalFile(media.PathFor(StationId, sha256), "application/octet-stream", enableRangeProcessing: true);
        file.EntityTag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{sha256}\"");
        return file;
    }

    /// <summary>Airtime the agent aired: all or nothing, idempotent on (occurrence, position).</summary>
    [HttpPost("airtime")]
    public async Task<IActionResult> Airtime([FromBody] StationAirtimeBatch batch, [FromServices] StationAirtimeUpload upload, CancellationToken ct)
    {
        try
        {
            return Ok(await upload.UploadAsync(StationId, batch, ct));
        }
        catch (AirtimeBatchRefused refused)
        {
            return new ObjectResult(new { error = refused.Code, message = refused.Message, problems = refused.Problems }) { StatusCode = refused.Status };
        }
    }

    /// <summary>
    /// The recording (<c>audio/ogg</c>, Opus) of a relay the station aired, for its own airtime record of
    /// (<paramref name="occurrenceId"/>, <paramref name="position"/>); written once, the same bytes again are a duplicate.
    /// </summary>
    [HttpPut("airtime/{occurrenceId:long}/{position:int}/recording")]
    public async Task<IActionResult> Recording(long occurrenceId, int position, [FromServices] StationRecordingUpload upload, CancellationToken ct)
    {
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = upload.MaxBytes + 1;
        return Ok(await upload.ReceiveAsync(StationId, occurrenceId, position, Request.Body, Request.ContentLength, ct));
    }

    /// <summary>The agent's state: version, clock, NTP, cache coverage, pending airtime and zones' outputs.</summary>
    [HttpPost("heartbeat")]
    public IActionResult Heartbeat([FromBody] StationHeartbeatRequest heartbeat, [FromServices] StationHeartbeatService heartbeats)
    {
        var (hubTime, offset) = heartbeats.Record(StationId, heartbeat);
        return Ok(new { stationId = StationId, hubTime, clockOffsetMs = offset });
    }
}
