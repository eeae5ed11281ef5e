using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>
/// Lịch tuần: a week's sessions and rundowns for one commune (<c>communeId</c>) or every commune of a unit's subtree
/// (<c>unitId</c>), within what the user may see; overflow shown inline, each session linked to the booking form.
/// </summary>
[Route("schedule/week")]
public sealed class ScheduleWeekController(WeekCalendarPages pages) : PageController
{
    [HttpGet("")]
    public IActionResult Index(long? communeId, long? unitId, string? date) => View(pages.Page(communeId, unitId, date, e => Refused(e)));
}
