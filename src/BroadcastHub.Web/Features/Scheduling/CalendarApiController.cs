using BroadcastHub.Core.Calendar;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Scheduling;

[Route("api/communes")]
public sealed class CalendarApiController(CommuneCalendar calendar) : ApiControllerBase
{
    /// <summary>
    /// The commune's schedule as RFC 5545 iCalendar: its occurrences from 7 days ago to the end of the horizon;
    /// with <c>sessions=true</c> also its sessions as weekly recurring events.
    /// </summary>
    [HttpGet("{id:long}/calendar.ics")]
    public IActionResult Get(long id, [FromQuery] bool sessions = false) =>
        Content(calendar.Write(id, sessions), IcsWriter.ContentType);
}
