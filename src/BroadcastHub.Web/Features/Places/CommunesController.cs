using System.Globalization;
using BroadcastHub.Core.Access;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Scope;
using BroadcastHub.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Places;

/// <summary>Quản trị: units, communes (xã/phường), speaker clusters (cụm loa) and sessions (khung giờ phát).</summary>
[Route("communes")]
public sealed class CommunesController(PlacesService service, PlacesRepository places, SessionRepository sessions, UserScope scope) : PageController
{
    public const string UnitKey = "unit";
    public const string CommuneKey = "commune";
    public const string ClusterKey = "cluster";
    public const string SessionKey = "session";

    [HttpGet("")]
    public IActionResult Index() => View(Tree(new PlaceForm(), new PlaceForm()));

    [HttpPost("units")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult CreateUnit(PlaceForm form)
    {
        try
        {
            var unit = service.CreateUnit(form.Name, form.ParentUnitId);
            Flash(Text.Pick($"Đã tạo đơn vị \"{unit.Name}\".", $"Created unit \"{unit.Name}\"."));
            return RedirectToAction(nameof(Index));
        }
        catch (AppException e)
        {
            Refused(e, UnitKey);
            return View(nameof(Index), Tree(form, new PlaceForm()));
        }
    }

    [HttpPost("create")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult CreateCommune(PlaceForm form)
    {
        try
        {
            var commune = service.CreateCommune(form.Name, form.ParentUnitId);
            Flash(Text.Pick($"Đã tạo xã/phường \"{commune.Name}\".", $"Created commune \"{commune.Name}\"."));
            return RedirectToAction(nameof(Detail), new { id = commune.Id });
        }
        catch (AppException e)
        {
            Refused(e, CommuneKey);
            return View(nameof(Index), Tree(new PlaceForm(), form));
        }
    }

    [HttpGet("{id:long}")]
    public IActionResult Detail(long id)
    {
        try
        {
            return View(DetailPage(id, null, SessionForm.Blank()));
        }
        catch (AppException e)
        {
            return NotFoundPage(e);
        }
    }

    [HttpPost("{id:long}/clusters")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult AddCluster(long id, string? name)
    {
        try
        {
            var commune = service.FindCommune(id);
            var clean = name?.Trim();
            if (string.IsNullOrEmpty(clean))
                throw AppException.BadRequest("name_required", Text.Pick("Hãy nhập tên cụm loa.", "Enter the cluster's name."));
            if (clean.Length > 200)
                throw AppException.BadRequest("name_too_long", Text.Pick("Tên dài quá 200 ký tự.", "The name is longer than 200 characters."));
            places.AddCluster(commune.Id, clean);
            Flash(Text.Pick($"Đã thêm cụm loa \"{clean}\".", $"Added speaker cluster \"{clean}\"."));
            return RedirectToAction(nameof(Detail), new { id });
        }
        catch (AppException e)
        {
            return RefusedOnDetail(e, id, ClusterKey, name, SessionForm.Blank());
        }
    }

    [HttpPost("{id:long}/sessions")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult AddSession(long id, SessionForm form)
    {
        try
        {
            var days = new List<int>();
            foreach (var text in form.Weekdays)
                days.Add(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 0);
            if (!int.TryParse(form.LengthMinutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
                minutes = 0;
            var session = service.CreateSession(id, days, form.Start?.Trim(), minutes);
            Flash(Text.Pick($"Đã thêm khung giờ phát {session.Start:HH\\:mm\\:ss}, {session.LengthMinutes} phút.",
                $"Added session {session.Start:HH\\:mm\\:ss}, {session.LengthMinutes} min."));
            return RedirectToAction(nameof(Detail), new { id });
        }
        catch (AppException e)
        {
            return RefusedOnDetail(e, id, SessionKey, null, form);
        }
    }

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

    private CommunesPage Tree(PlaceForm unit, PlaceForm commune) => new()
    {
        Units = scope.Units, Communes = scope.Communes, IsAdmin = User.IsInRole(Roles.Admin),
        UnitForm = unit, CommuneForm = commune,
    };

    private CommuneDetailPage DetailPage(long id, string? clusterName, SessionForm session) =>
        CommuneDetailReader.Read(service, places, sessions, id, User.IsInRole(Roles.Admin), clusterName, session);
}
