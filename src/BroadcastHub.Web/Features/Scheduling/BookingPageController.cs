using System.Globalization;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>A booking's own page (where a booking form lands, so reloading it books nothing) and its cancellation,
/// whole or from a date, after a confirmation naming what stops airing.</summary>
[Route("schedule/bookings/{id:long}")]
[Authorize(Roles = Staff)]
public sealed class BookingPageController(BookingCancelPages pages, ScheduleChanges changes) : PageController
{
    [HttpGet("")]
    public IActionResult Show(long id) => Guarded(() => View("~/Features/Scheduling/Views/Schedule/Booked.cshtml", pages.Booked(id)));

    [HttpGet("cancel")]
    public IActionResult Confirm(long id, string? from, string? returnUrl) =>
        Guarded(() => View("~/Features/Scheduling/Views/Schedule/Cancel.cshtml", pages.Cancel(id, from, LocalOr(returnUrl, Own(id)))));

    [HttpPost("cancel")]
    public IActionResult Cancel(long id, BookingCancelForm form)
    {
        var back = LocalOr(form.ReturnUrl, Own(id));
        return Attempt(() =>
        {
            var page = pages.Cancel(id, form.From, back);
            if (page.From is not { } from)
                throw new AppException("nothing_to_cancel", Msg.Get("ThisBookingHasNoOccurrenceLeft"));
            changes.CancelBooking(id, Ui.Date(from));
            Flash(Msg.Get("CancelledBookingFromSessionNoLonger", id, from, page.Commune, page.Session.Start, string.Join(" → ", page.Titles)));
            return Redirect(back);
        }, e =>
        {
            if (e.Status == 404) return NotFoundPage(e);
            Refused(e);
            return Guarded(() => View("~/Features/Scheduling/Views/Schedule/Cancel.cshtml", pages.Cancel(id, null, back)), e.Status);
        });
    }

    private static string Own(long id) => $"/schedule/bookings/{id.ToString(CultureInfo.InvariantCulture)}";

    private IActionResult Guarded(Func<IActionResult> page, int? status = null) => Attempt(() =>
    {
        var result = page();
        if (status is { } s) Response.StatusCode = s;
        return result;
    }, NotFoundPage);

    private IActionResult NotFoundPage(AppException e)
    {
        Refused(e);
        return View("Refused", new RefusedPage(e.Message, "/schedule"));
    }
}
