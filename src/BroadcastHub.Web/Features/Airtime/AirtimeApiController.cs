using System.Globalization;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Airtime;

[Route("api/airtime")]
public sealed class AirtimeApiController(AirtimeQuery query, AirtimePages pages) : ApiControllerBase
{
    /// <summary>
    /// Airtime records by local date range (inclusive, yyyy-MM-dd; default today; at most 366 days, else
    /// <c>range_too_long</c>) and commune, one page at a time (<c>page</c> from 1, <c>pageSize</c> up to 5000, default
    /// 1000). The body is the page's records; <c>X-Total-Count</c>, <c>X-Page</c>, <c>X-Page-Size</c>,
    /// <c>X-Page-Count</c> and a <c>Link: rel="next"</c> say what else the range holds.
    /// </summary>
    [HttpGet]
    public IActionResult Get([FromQuery] string? from, [FromQuery] string? to, [FromQuery] long? communeId,
        [FromQuery] int page = 1, [FromQuery] int pageSize = AirtimeQuery.DefaultPageSize)
    {
        var result = query.Page(from, to, communeId, page, pageSize);
        var headers = Response.Headers;
        headers["X-Total-Count"] = result.Total.ToString(CultureInfo.InvariantCulture);
        headers["X-Page"] = result.Page.ToString(CultureInfo.InvariantCulture);
        headers["X-Page-Size"] = result.PageSize.ToString(CultureInfo.InvariantCulture);
        headers["X-Page-Count"] = result.Pages.ToString(CultureInfo.InvariantCulture);
        if (result.Page < result.Pages)
            headers.Link = $"<{Request.Path}{QueryString.Create(Request.Query.Where(q => q.Key is not ("page" or "pageSize"))
                .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))
                .Append(new("page", (result.Page + 1).ToString(CultureInfo.InvariantCulture)))
                .Append(new("pageSize", result.PageSize.ToString(CultureInfo.InvariantCulture))))}>; rel=\"next\"";
        // stationId/receivedAt: the agent that uploaded the record and when; records the hub aired itself are this station's.
        var receiptOf = pages.Receipts(result.Records);
        // A relay's record: bulletinId null, its relaySourceId, outageSeconds, outages and (when recorded) recordingUrl.
        return Ok(result.Records.Select(r => (Record: r, Receipt: receiptOf(r))).Select(x => new
        {
            x.Record.Id, x.Record.OccurrenceId, x.Record.Position, bulletinId = x.Record.IsRelay ? (long?)null : x.Record.BulletinId,
            x.Record.CommuneId, x.Record.ScheduledStart, x.Record.ActualStart, x.Record.ActualEnd, x.Record.PlayedSeconds,
            outcome = x.Record.Outcome.ToString(), x.Record.Error, x.Record.RecordedAt, stationId = x.Receipt.StationId, receivedAt = x.Receipt.ReceivedAt,
            x.Record.RelaySourceId, x.Record.OutageSeconds, x.Record.Outages,
            recordingUrl = x.Record.IsRelay && x.Record.RecordingPath is not null ? $"/api/airtime/{x.Record.Id}/recording" : null,
        }));
    }
}
