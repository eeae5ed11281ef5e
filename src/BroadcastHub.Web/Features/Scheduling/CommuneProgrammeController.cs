using System.Globalization;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Features.Places;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>
/// The commune page's programme forms: underfill mode, intro/outro jingles (Admin, Supervisor) and one-off sessions (Admin).
/// A refusal shows the commune page again with the message in the form that was posted.
/// </summary>
[Route("communes/{id:long}")]
public sealed class CommuneProgrammeController(
    CommuneProgrammes programmes, PlacesService places, CommunePages pages) : PageController
{
    public const string UnderfillKey = "underfill";
    public const string JinglesKey = "jingles";
    public const string OneOffKey = "one-off";
    private const string Programmers = Roles.Admin + "," + Roles.Supervisor;

    [HttpPost("underfill")]
    [Authorize(Roles = Programmers)]
    public IActionResult SetUnderfill(long id, UnderfillForm form) => Apply(id, UnderfillKey, new ProgrammePost(Underfill: form), () =>
    {
        var s = programmes.SetUnderfill(id, form.Mode, OptionalId(form.PlaylistId));
        Flash(s.EvergreenPlaylistId is not null && s.Underfill == Core.Scheduling.UnderfillMode.Evergreen
            ? Msg.Get("SavedUnderFilledSessionsAreTopped")
            : Msg.Get("SavedUnderFilledSessionsEndEarly"));
    });

    [HttpPost("jingles")]
    [Authorize(Roles = Programmers)]
    public IActionResult SetJingles(long id, JinglesForm form) => Apply(id, JinglesKey, new ProgrammePost(Jingles: form), () =>
    {
        programmes.SetJingles(id, OptionalId(form.IntroBulletinId), OptionalId(form.OutroBulletinId));
        Flash(Msg.Get("SavedTheIntroAndOutroJingles"));
    });

    [HttpPost("one-off-sessions")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult AddOneOffSession(long id, OneOffSessionForm form) => Apply(id, OneOffKey, new ProgrammePost(OneOff: form), () =>
    {
        var minutes = int.TryParse(form.LengthMinutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        var s = places.CreateOneOffSession(id, form.Date?.Trim(), form.Start?.Trim(), minutes);
        Flash(Msg.Get("AddedAOneOffSessionOn", s.OnlyOn, s.Start, s.LengthMinutes));
    });

    private IActionResult Apply(long id, string key, ProgrammePost posted, Action change) => Attempt(() =>
    {
        change();
        return Redirect($"/communes/{id.ToString(CultureInfo.InvariantCulture)}#programme");
    }, e =>
    {
        if (e.Code == "commune_not_found")
        {
            Refused(e);
            return View("Refused", new RefusedPage(e.Message, "/communes"));
        }
        Refused(e, key);
        return View("~/Features/Places/Views/Communes/Detail.cshtml", DetailPage(id, posted));
    });

    /// <summary>Empty means none; text that is no id is refused by the service as an unknown id.</summary>
    private static long? OptionalId(string? text) => string.IsNullOrWhiteSpace(text) ? null
        : long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;

    /// <summary>The commune page as <see cref="CommunesController"/> shows it, with the refused programme form refilled.</summary>
    private CommuneDetailPage DetailPage(long id, ProgrammePost posted) =>
        pages.Detail(id, User.IsInRole(Roles.Admin), programme: posted);
}
