using BroadcastHub.Web.Services;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Api;

[Route("api/airtime")]
public sealed class AirtimeApiController(AirtimeQuery query) : ApiControllerBase
{
    /// <summary>Airtime records by local date range (inclusive, yyyy-MM-dd; default today) and commune.</summary>
    [HttpGet]
    public IActionResult Get([FromQuery] string? from, [FromQuery] string? to, [FromQuery] long? communeId) =>
        Ok(query.Find(from, to, communeId).Select(r => new
        {
            r.Id, r.OccurrenceId, r.Position, r.BulletinId, r.CommuneId, r.ScheduledStart, r.ActualStart, r.ActualEnd,
            r.PlayedSeconds, outcome = r.Outcome.ToString(), r.Error, r.RecordedAt,
        }));
}
