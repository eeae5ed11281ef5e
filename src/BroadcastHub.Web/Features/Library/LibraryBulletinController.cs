using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace BroadcastHub.Web.Features.Library;

/// <summary>One bulletin: its figures and warnings, an in-browser preview with a waveform, and its status history.</summary>
[Route("library")]
public sealed class LibraryBulletinController(
    BulletinService service, MediaStore media, WaveformCache waveforms, BulletinPages pages)
    : PageController
{
    [HttpGet("{id:long}")]
    public IActionResult Detail(long id)
    {
        return Attempt(() => View(pages.For(service.Find(id), User)), e => RefusedPage(e, "/library"));
    }

    /// <summary>The stored original, byte for byte, with range requests (seeking in the player).</summary>
    [HttpGet("{id:long}/audio")]
    [JsonRefusals]
    public IActionResult Audio(long id)
    {
        var file = BulletinAudioFile.Of(service.Find(id), media);
        return PhysicalFile(file.Path, file.ContentType, null, new EntityTagHeaderValue(file.ETag), enableRangeProcessing: true);
    }

    /// <summary>Min/max peaks of the original for drawing (JSON); <c>points</c> 16…4000, 600 by default.</summary>
    [HttpGet("{id:long}/waveform")]
    [JsonRefusals]
    public async Task<IActionResult> Waveform(long id, int? points, CancellationToken cancel) =>
        Ok(await WaveformJson.ForAsync(service.Find(id), points, waveforms, cancel));
}
