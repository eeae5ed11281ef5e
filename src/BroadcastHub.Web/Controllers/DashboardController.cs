using BroadcastHub.Core.Access;
using BroadcastHub.Core.Time;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Playout;
using BroadcastHub.Web.Services.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Controllers;

/// <summary>Bảng điều khiển: today's sessions, what airs now (with dừng phát), what is next, output state — of the communes in the user's scope.</summary>
public sealed class DashboardController(
    PlacesRepository places, SessionRepository sessions, OccurrenceRepository occurrences, AirtimeRepository airtime,
    BulletinRepository bulletins, PlayoutEngine engine, ZoneOutputs outputs, StationAlerts alerts, AppDatabase db, UserScope scope, StationClock clock) : PageController
{
    [HttpGet("/")]
    [HttpGet("/dashboard")]
    public IActionResult Index()
    {
        var reader = new DashboardReader(places, sessions, occurrences, airtime, bulletins, engine, outputs, db, clock);
        var canStop = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Supervisor) || User.IsInRole(Roles.Operator);
        var station = alerts.Current(scope.CoversZone).Where(a => !a.Code.StartsWith("output_", StringComparison.Ordinal)).ToList();
        return View("Index", reader.Read(canStop, scope.CoversCommune) with { Alerts = station });
    }

    [HttpPost("/dashboard/stop/{zoneId:long}")]
    [Authorize(Roles = Staff)]
    public IActionResult Stop(long zoneId)
    {
        if (!scope.CoversZone(zoneId))
        {
            Refused(ScopeRefusals.ZoneNotFound(zoneId));
            return Index();
        }
        if (engine.StopZone(zoneId))
            Flash(Text.Pick($"Đã dừng phát ở vùng phát {zoneId}.", $"Stopped playback in zone {zoneId}."));
        else
            FlashError(Text.Pick($"Vùng phát {zoneId} không phát gì lúc này: không có gì để dừng.",
                $"Zone {zoneId} is not airing anything now: nothing to stop."));
        return LocalRedirect("/dashboard");
    }
}
