using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace BroadcastHub.Web.Features.Library;

/// <summary>A bulletin's stored original and its waveform, for automation (the pages use <c>/library/{id}/audio</c> and <c>/waveform</c>).</summary>
[Route("api/bulletins")]
public sealed class BulletinMediaApiController(BulletinService service, MediaStore media, WaveformCache waveforms) : ApiControllerBase
{
    /// <summary>The original, byte for byte, with its content type (<c>audio/mpeg</c>, <c>audio/wav</c>) and range requests.</summary>
    [HttpGet("{id:long}/audio")]
    public IActionResult Audio(long id)
    {
        var file = BulletinAudioFile.Of(service.Find(id), media);
        return PhysicalFile(file.Path, file.ContentType, null, new EntityTagHeaderValue(file.ETag), enableRangeProcessing: true);
    }

    /// <summary>Min/max peaks: <c>{ bulletinId, points, durationSeconds, min, max, warnings }</c>; <c>points</c> 16…4000, 600 by default.</summary>
    [HttpGet("{id:long}/waveform")]
    public async Task<IActionResult> Waveform(long id, [FromQuery] int? points, CancellationToken cancel) =>
        Ok(await WaveformJson.ForAsync(service.Find(id), points, waveforms, cancel));
}
