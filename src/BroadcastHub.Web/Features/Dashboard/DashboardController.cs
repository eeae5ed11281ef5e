using BroadcastHub.Core.Access;
using BroadcastHub.Core.Time;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Scope;
using BroadcastHub.Web.Playout;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Dashboard;

/// <summary>
/// Bảng điều khiển: today's sessions, what airs now (with dừng phát), what is next, output state — of the communes in
/// the user's scope. The page updates itself in place from <c>/dashboard/events</c> by fetching <c>/dashboard/live</c>.
/// </summary>
public sealed class DashboardController(
    PlacesRepository places, SessionRepository sessions, OccurrenceRepository occurrences, AirtimeRepository airtime,
    BulletinRepository bulletins, PlayoutEngine engine, ZoneOutputs outputs, StationAlerts alerts, AppDatabase db, UserScope scope, StationClock clock) : PageController
{
    [HttpGet("/")]
    [HttpGet("/dashboard")]
    public IActionResult Index() => View("Index", Read());

    /// <summary>The live part of the dashboard (alerts and commune cards), fetched by the page when a change is pushed.</summary>
    [HttpGet("/dashboard/live")]
    public IActionResult Live()
    {
        Response.Headers.CacheControl = "no-store";
        return PartialView("_Live", Read());
    }

    [HttpPost("/dashboard/stop/{zoneId:long}")]
    [Authorize(Roles = Staff)]
    public IActionResult Stop(long zoneId, bool confirmed)
    {
        if (!scope.CoversZone(zoneId))
        {
            Refused(ScopeRefusals.ZoneNotFound(zoneId));
            return Index();
        }
        var commune = CommuneNameOf(zoneId);
        if (!confirmed) return View("ConfirmStop", new StopConfirmation(zoneId, commune, engine.Playing.ContainsKey(zoneId)));
        if (engine.StopZone(zoneId))
            Flash(Text.Pick($"Đã dừng phát ở {commune}.", $"Stopped playback in {commune}."));
        else
            FlashError(Text.Pick($"{commune} không phát gì lúc này: không có gì để dừng.",
                $"{commune} is not airing anything now: nothing to stop."));
        return LocalRedirect("/dashboard");
    }

    private string CommuneNameOf(long zoneId) =>
        string.Join(", ", places.ListCommunes().Where(c => c.ZoneId == zoneId).Select(c => c.Name)) is { Length: > 0 } names
            ? names : Text.Pick($"vùng phát {zoneId}", $"zone {zoneId}");

    private DashboardPage Read()
    {
        var reader = new DashboardReader(places, sessions, occurrences, airtime, bulletins, engine, outputs, db, clock);
        var canStop = User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Supervisor) || User.IsInRole(Roles.Operator);
        var station = alerts.Current(scope.CoversZone).Where(a => !a.Code.StartsWith("output_", StringComparison.Ordinal)).ToList();
        return reader.Read(canStop, scope.CoversCommune) with { Alerts = station, ShowDetails = User.IsInRole(Roles.Admin) };
    }
}
