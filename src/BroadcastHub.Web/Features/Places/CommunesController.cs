using System.Globalization;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Places;

/// <summary>Quản trị: units, communes (xã/phường), speaker clusters (cụm loa) and sessions (khung giờ phát).</summary>
[Route("communes")]
public sealed class CommunesController(PlacesService service, CommunePages pages) : PageController
{
    public const string UnitKey = "unit";
    public const string CommuneKey = "commune";
    public const string ClusterKey = "cluster";
    public const string SessionKey = "session";

    [HttpGet("")]
    public IActionResult Index() => View(Tree(new PlaceForm(), new PlaceForm()));

    [HttpPost("units")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult CreateUnit(PlaceForm form) => Attempt(() =>
    {
        var unit = service.CreateUnit(form.Name, form.ParentUnitId);
        Flash(Msg.Get("CreatedUnit", unit.Name));
        return RedirectToAction(nameof(Index));
    }, UnitKey, () => View(nameof(Index), Tree(form, new PlaceForm())));

    [HttpPost("create")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult CreateCommune(PlaceForm form) => Attempt(() =>
    {
        var commune = service.CreateCommune(form.Name, form.ParentUnitId);
        Flash(Msg.Get("CreatedCommune", commune.Name));
        return RedirectToAction(nameof(Detail), new { id = commune.Id });
    }, CommuneKey, () => View(nameof(Index), Tree(new PlaceForm(), form)));

    [HttpGet("{id:long}")]
    public IActionResult Detail(long id) => Attempt(() => View(DetailPage(id, null, SessionForm.Blank())), NotFoundPage);

    [HttpPost("{id:long}/clusters")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult AddCluster(long id, string? name) => Attempt(() =>
    {
        var clean = pages.AddCluster(id, name);
        Flash(Msg.Get("AddedSpeakerCluster", clean));
        return RedirectToAction(nameof(Detail), new { id });
    }, e => RefusedOnDetail(e, id, ClusterKey, name, SessionForm.Blank()));

    [HttpPost("{id:long}/sessions")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult AddSession(long id, SessionForm form) => Attempt(() =>
    {
        var days = new List<int>();
        foreach (var text in form.Weekdays)
            days.Add(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 0);
        if (!int.TryParse(form.LengthMinutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
            minutes = 0;
        var session = service.CreateSession(id, days, form.Start?.Trim(), minutes);
        Flash(Msg.Get("AddedSessionMin", session.Start, session.LengthMinutes));
        return RedirectToAction(nameof(Detail), new { id });
    }, e => RefusedOnDetail(e, id, SessionKey, null, form));

    private IActionResult RefusedOnDetail(AppException e, long id, string key, string? clusterName, SessionForm session)
    {
        if (e.Code == "commune_not_found") return NotFoundPage(e);
        Refused(e, key);
        return View(nameof(Detail), DetailPage(id, clusterName, session));
    }

    private IActionResult NotFoundPage(AppException e)
    {
        Refused(e);
        return View(nameof(Index), Tree(new PlaceForm(), new PlaceForm()));
    }

    private CommunesPage Tree(PlaceForm unit, PlaceForm commune) => pages.Tree(User.IsInRole(Roles.Admin), unit, commune);

    private CommuneDetailPage DetailPage(long id, string? clusterName, SessionForm session) =>
        pages.Detail(id, User.IsInRole(Roles.Admin), clusterName, session);
}
