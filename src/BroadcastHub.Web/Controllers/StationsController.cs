using BroadcastHub.Core.Access;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Controllers;

/// <summary>Máy phát và đầu ra: station PCs, the zones each plays, and the state of this station's outputs.</summary>
[Route("stations")]
[Authorize(Roles = Roles.Admin)]
public sealed class StationsController(StationAdmin stations) : PageController
{
    public const string CreateKey = "create-station";
    public const string AssignKey = "assign-zone";

    [HttpGet("")]
    public IActionResult Index() => View(stations.List());

    [HttpPost("create")]
    public IActionResult Create(string? name)
    {
        try
        {
            var station = stations.Create(name);
            Flash(Text.Pick($"Đã tạo máy phát \"{station.Name}\" (hàng đợi {station.Queue}).", $"Created station \"{station.Name}\" (queue {station.Queue})."));
            return RedirectToAction(nameof(Index));
        }
        catch (AppException e)
        {
            Refused(e, CreateKey);
            return View(nameof(Index), stations.List());
        }
    }

    [HttpPost("zones/{zoneId:long}")]
    public IActionResult Assign(long zoneId, long stationId)
    {
        try
        {
            stations.AssignZone(zoneId, stationId);
            Flash(Text.Pick($"Đã chuyển vùng phát {zoneId} sang máy phát {stationId}.", $"Moved zone {zoneId} to station {stationId}."));
            return RedirectToAction(nameof(Index));
        }
        catch (AppException e)
        {
            Refused(e, AssignKey);
            return View(nameof(Index), stations.List());
        }
    }

    [HttpPost("zones/{zoneId:long}/output")]
    public IActionResult SetOutput(long zoneId, string? spec)
    {
        try
        {
            stations.SetOutput(zoneId, spec);
            Flash(Text.Pick($"Vùng phát {zoneId} phát qua \"{stations.OutputSpecOf(zoneId)}\".", $"Zone {zoneId} plays through \"{stations.OutputSpecOf(zoneId)}\"."));
            return RedirectToAction(nameof(Index));
        }
        catch (AppException e)
        {
            Refused(e, AssignKey);
            return View(nameof(Index), stations.List());
        }
    }
}
