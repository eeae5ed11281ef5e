using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Airtime;

[Route("api/airtime")]
public sealed class AirtimeRecordingApiController(AirtimeRecordings recordings) : ApiControllerBase
{
    /// <summary>
    /// The recording of what a relay item aired (<c>audio/ogg</c>, Opus), with range requests; 404
    /// <c>recording_not_found</c> when there is none or the record is outside the caller's scope.
    /// </summary>
    [HttpGet("{id:long}/recording")]
    public IActionResult Recording(long id) =>
        PhysicalFile(recordings.FileOf(id), AirtimeRecordings.ContentType, enableRangeProcessing: true);
}
