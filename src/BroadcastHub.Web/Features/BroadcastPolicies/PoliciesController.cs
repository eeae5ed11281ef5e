using System.Globalization;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Features.Places;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.BroadcastPolicies;

/// <summary>Quy định phát thanh (Admin): each unit's broadcast policy, own or inherited, and a form per unit to set it.</summary>
[Route("policies")]
[Authorize(Roles = Roles.Admin)]
public sealed class PoliciesController(PlacesService places, PolicyOverview overview, UserScope scope) : PageController
{
    /// <summary>The key of a unit's form in the model state (its refusal is shown in that form).</summary>
    public static string FormKey(long unitId) => "policy-" + unitId.ToString(CultureInfo.InvariantCulture);

    [HttpGet("")]
    public IActionResult Index() => View(Page(null, null));

    [HttpPost("{unitId:long}")]
    public IActionResult Set(long unitId, PolicyForm form)
    {
        return Attempt(() =>
        {
            var days = form.Weekdays.Select(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 0).ToList();
            var policy = places.SetPolicy(unitId, form.AllowedFrom?.Trim(), form.AllowedTo?.Trim(), days,
                Number(form.MaxSessionMinutes), Number(form.MaxSessionsPerDay));
            Flash(Msg.Get("SavedTheBroadcastPolicy", PoliciesPage.Describe(policy)));
            return Redirect($"/policies#unit-{unitId.ToString(CultureInfo.InvariantCulture)}");
        }, e =>
        {
            Refused(e, e.Code == "unit_not_found" ? "" : FormKey(unitId));
            return View(nameof(Index), Page(unitId, form));
        });
    }

    /// <summary>Empty means "the station default" (as a field left out of the API call); text that is no number is refused as out of range.</summary>
    private static int? Number(string? text) => string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private PoliciesPage Page(long? unitId, PolicyForm? posted) => new()
    {
        Rows = overview.Rows(scope.Units), Default = overview.Default, PostedUnitId = unitId, Posted = posted,
    };
}
