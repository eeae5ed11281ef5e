using BroadcastHub.Core.Places;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Airtime;
using BroadcastHub.Web.Features.Places;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>
/// Lịch tuần: a week's sessions and rundowns for one commune (<c>communeId</c>) or every commune of a unit's subtree
/// (<c>unitId</c>), within what the user may see; overflow shown inline, each session linked to the booking form.
/// </summary>
[Route("schedule/week")]
public sealed class ScheduleWeekController(WeekCalendar calendar, PlacesRepository places, ReportScope scope, StationClock clock) : PageController
{
    [HttpGet("")]
    public IActionResult Index(long? communeId, long? unitId, string? date)
    {
        var units = places.ListUnits();
        var visible = new List<Commune>();
        try
        {
            var day = LocalDateInput.Optional(date?.Trim(), Text.Pick("Ngày", "Date")) ?? clock.Today;
            var mine = scope.UnitFor(null);
            visible = UnitTree.CommunesUnder(mine, units, places.ListCommunes()).ToList();
            var shown = communeId is { } c
                ? [visible.FirstOrDefault(x => x.Id == c) ?? throw AppException.NotFound("commune_not_found",
                    Text.Pick($"Không có xã số {c}.", $"There is no commune {c}."))]
                : unitId is { } u
                    ? UnitTree.CommunesUnder(scope.UnitFor(u), units, visible).ToList()
                    : visible.OrderBy(x => x.Name, StringComparer.CurrentCulture).Take(1).ToList();
            var pickable = mine is { } root ? UnitTree.Subtree(root, units) : null;
            return View(new WeekCalendarPage(calendar.Build(shown, day), communeId, unitId, day, clock.Today, visible,
                units.Where(x => pickable is null || pickable.Contains(x.Id)).ToList()));
        }
        catch (AppException e)
        {
            Refused(e);
            var today = clock.Today;
            return View(new WeekCalendarPage(new WeekCalendarView(WeekCalendar.MondayOf(today), [], 0), communeId, unitId, today, today, visible, []));
        }
    }
}
