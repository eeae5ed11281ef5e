using BroadcastHub.Core.Places;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Airtime;
using BroadcastHub.Web.Features.Places;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>The week calendar page (/schedule/week) of a commune or a unit, within the user's scope.</summary>
public sealed class WeekCalendarPages(WeekCalendar calendar, PlacesRepository places, ReportScope scope, StationClock clock)
{
    /// <summary>The page; a refusal (bad date, unknown commune) is passed to <paramref name="refused"/> and an empty week shown.</summary>
    public WeekCalendarPage Page(long? communeId, long? unitId, string? date, Action<AppException> refused)
    {
        var units = places.ListUnits();
        var visible = new List<Commune>();
        try
        {
            var day = LocalDateInput.Optional(date?.Trim(), Msg.Get("Date")) ?? clock.Today;
            var mine = scope.UnitFor(null);
            visible = UnitTree.CommunesUnder(mine, units, places.ListCommunes()).ToList();
            var shown = communeId is { } c
                ? [visible.FirstOrDefault(x => x.Id == c) ?? throw new AppException("commune_not_found",
                    Msg.Get("ThereIsNoCommune", c))]
                : unitId is { } u
                    ? UnitTree.CommunesUnder(scope.UnitFor(u), units, visible).ToList()
                    : visible.OrderBy(x => x.Name, StringComparer.CurrentCulture).Take(1).ToList();
            var pickable = mine is { } root ? UnitTree.Subtree(root, units) : null;
            return new WeekCalendarPage(calendar.Build(shown, day), communeId, unitId, day, clock.Today, visible,
                units.Where(x => pickable is null || pickable.Contains(x.Id)).ToList());
        }
        catch (AppException e)
        {
            refused(e);
            var today = clock.Today;
            return new WeekCalendarPage(new WeekCalendarView(WeekCalendar.MondayOf(today), [], 0), communeId, unitId, today, today, visible, []);
        }
    }
}
