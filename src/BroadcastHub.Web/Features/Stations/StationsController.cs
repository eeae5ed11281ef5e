using BroadcastHub.Core.Access;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Stations;

/// <summary>Máy phát và đầu ra: station PCs, the zones each plays, and the state of this station's outputs.</summary>
[Route("stations")]
[Authorize(Roles = Roles.Admin)]
public sealed class StationsController(StationAdmin stations, StationEnrolment enrolment) : PageController
{
    public const string CreateKey = "create-station";
    public const string AssignKey = "assign-zone";
    public const string EnrolKey = "enrol-station";

    [HttpGet("")]
    public IActionResult Index() => View(stations.List());

    [HttpPost("create")]
    public IActionResult Create(string? name) => Attempt(() =>
    {
        var station = stations.Create(name);
        Flash(Msg.Get("CreatedStationQueue", station.Name, station.Queue));
        return RedirectToAction(nameof(Index));
    }, CreateKey, () => View(nameof(Index), stations.List()));

    [HttpPost("zones/{zoneId:long}")]
    public IActionResult Assign(long zoneId, long stationId) => Attempt(() =>
    {
        stations.AssignZone(zoneId, stationId);
        Flash(Msg.Get("MovedZoneToStation", zoneId, stationId));
        return RedirectToAction(nameof(Index));
    }, AssignKey, () => View(nameof(Index), stations.List()));

    [HttpPost("zones/{zoneId:long}/output")]
    public IActionResult SetOutput(long zoneId, string? spec) => Attempt(() =>
    {
        stations.SetOutput(zoneId, spec);
        Flash(Msg.Get("ZonePlaysThrough", zoneId, stations.OutputSpecOf(zoneId)));
        return RedirectToAction(nameof(Index));
    }, AssignKey, () => View(nameof(Index), stations.List()));

    /// <summary>Issues the agent's token and shows it on this response only: it is stored hashed and never shown again.</summary>
    [HttpPost("{id:long}/enrol")]
    public IActionResult Enrol(long id) => Attempt(() =>
    {
        var token = enrolment.Enrol(id, UserName);
        Response.Headers.CacheControl = "no-store";
        return View("Enrolled", new EnrolledStation(stations.List().First(s => s.Id == id), token));
    }, EnrolKey, () => View(nameof(Index), stations.List()));

    /// <summary>Revokes the agent's token; the hub plays the station's zones again from their next arming.</summary>
    [HttpPost("{id:long}/revoke")]
    public IActionResult Revoke(long id, bool confirmed) => Attempt(() =>
    {
        if (!confirmed)
            throw new AppException("confirmation_required", Msg.Get("TickTheConfirmationToRevokeStation", id));
        enrolment.Revoke(id, UserName);
        Flash(Msg.Get("RevokedStationTokenTheHubPlays", id));
        return RedirectToAction(nameof(Index));
    }, EnrolKey, () => View(nameof(Index), stations.List()));
}

/// <summary>The page that shows a new agent token once.</summary>
public sealed record EnrolledStation(StationView Station, string Token);
