using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Dashboard;

/// <summary>
/// Bảng điều khiển: today's sessions, what airs now (with dừng phát), what is next, output state — of the communes in
/// the user's scope. The page updates itself in place from <c>/dashboard/events</c> by fetching <c>/dashboard/live</c>.
/// </summary>
public sealed class DashboardController(DashboardService dashboard) : PageController
{
    [HttpGet("/")]
    [HttpGet("/dashboard")]
    public IActionResult Index() => View("Index", dashboard.Read(User));

    /// <summary>The live part of the dashboard (alerts and commune cards), fetched by the page when a change is pushed.</summary>
    [HttpGet("/dashboard/live")]
    public IActionResult Live()
    {
        Response.Headers.CacheControl = "no-store";
        return PartialView("_Live", dashboard.Read(User));
    }

    [HttpPost("/dashboard/stop/{zoneId:long}")]
    [Authorize(Roles = Staff)]
    public IActionResult Stop(long zoneId, bool confirmed) => Attempt(() =>
    {
        if (!confirmed) return View("ConfirmStop", dashboard.Confirmation(zoneId));
        var commune = dashboard.CommuneNameOf(zoneId);
        if (dashboard.Stop(zoneId))
            Flash(Msg.Get("StoppedPlaybackIn", commune));
        else
            FlashError(Msg.Get("IsNotAiringAnythingNowNothing", commune));
        return LocalRedirect("/dashboard");
    }, "", Index);
}
