using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Airtime;

/// <summary>Nhật ký phát: what aired where and when, and what did not; CSV export.</summary>
[Route("airtime")]
public sealed class AirtimeController(AirtimePages pages, AirtimeRecordings recordings) : PageController
{
    [HttpGet("")]
    public IActionResult Index(string? from, string? to, long? communeId, int page = 1)
    {
        from = pages.DateOr(from);
        to = pages.DateOr(to, from);
        return View(pages.Log(from, to, communeId, page, e => Refused(e)));
    }

    [HttpGet("export")]
    public IActionResult Export(string? from, string? to, long? communeId)
    {
        from = pages.DateOr(from);
        to = pages.DateOr(to, from);
        return Attempt(() => File(pages.Csv(from, to, communeId), "text/csv; charset=utf-8", $"nhat-ky-phat-{from}-{to}.csv"),
            "", () => View(nameof(Index), pages.Blank(from, to, communeId)));
    }

    /// <summary>The relay recording of one record, for the page's player (range requests, so it seeks).</summary>
    [HttpGet("{id:long}/recording")]
    [JsonRefusals]
    public IActionResult Recording(long id) =>
        PhysicalFile(recordings.FileOf(id), AirtimeRecordings.ContentType, enableRangeProcessing: true);
}
