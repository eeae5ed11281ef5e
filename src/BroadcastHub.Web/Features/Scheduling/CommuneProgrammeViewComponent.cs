using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>The commune page's programme panel (underfill, jingles, one-off sessions, bookings in force with edit links).</summary>
public sealed class CommuneProgrammeViewComponent(CommuneProgrammePanels panels) : ViewComponent
{
    /// <summary>Renders the panel of <paramref name="communeId"/>; <paramref name="posted"/> refills a refused form.</summary>
    public IViewComponentResult Invoke(long communeId, ProgrammePost? posted) => View(panels.Build(communeId, posted, UserClaimsPrincipal));
}
