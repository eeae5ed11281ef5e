using BroadcastHub.Core.Library;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Features.Scheduling;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Emergency;

/// <summary>Phát ngay: choose communes and an approved bulletin, confirm, and it airs at once, preempting.</summary>
[Route("emergency")]
[Authorize(Roles = Staff)]
public sealed class EmergencyController(EmergencyService emergency, UserScope scope, BulletinService bulletins) : PageController
{
    [HttpGet("")]
    public IActionResult Index() => View(Page(new EmergencyForm()));

    [HttpPost("")]
    public IActionResult Start(EmergencyForm form)
    {
        if (!form.Confirmed)
        {
            ModelState.AddModelError(nameof(form.Confirmed), Msg.Get("TickTheConfirmationAnEmergencyInterrupts"));
            Response.StatusCode = 400;
            return View(nameof(Index), Page(form));
        }
        return Attempt(() =>
        {
            var result = emergency.StartAll(form.CommuneIds, form.BulletinId ?? 0);
            var names = string.Join(", ", scope.Communes.Where(c => result.Started.Any(o => o.CommuneId == c.Id)).Select(c => c.Name));
            if (result.Started.Count > 0) Flash(Msg.Get("EmergencyAiringIn", names));
            if (result.NotAired.Count > 0) FlashError(string.Join(" ", result.NotAired.Select(n => n.Message)));
            return LocalRedirect("/dashboard");
        }, "", () => View(nameof(Index), Page(form)));
    }

    private EmergencyPage Page(EmergencyForm form) =>
        new(form, scope.Communes, bulletins.List(BulletinStatus.Approved));
}
