using System.Globalization;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>Sửa lịch đã đặt: edits a booking for the future only, through the same rules as <c>PUT /api/bookings/{id}</c>.</summary>
[Route("schedule/bookings/{id:long}/edit")]
[Authorize(Roles = Staff)]
public sealed class BookingEditController(BookingEditPages pages, BookingEdits edits) : PageController
{
    [HttpGet("")]
    public IActionResult Edit(long id) => Attempt(() => View(pages.Build(id, null)), NotFoundPage);

    [HttpPost("")]
    public async Task<IActionResult> Save(long id, BookingEditForm form, CancellationToken cancel)
    {
        BookingResult result;
        try
        {
            result = await edits.EditAsync(id, BookingEditPages.Request(form), UserName, cancel);
        }
        catch (AppException e)
        {
            if (e.Code is "booking_not_found" or "session_not_found" or "commune_not_found") return NotFoundPage(e);
            Refused(e);
            return View(nameof(Edit), pages.Build(id, form));
        }
        var b = result.Booking;
        var message = result.PreviousId is { } previous
            ? Msg.Get("EditedBookingFromEarlierDatesStay", previous, b.From, b.Id)
            : Msg.Get("EditedBooking", b.Id, b.From, b.To);
        if (result.Overflow.Count > 0)
            message += Msg.Get("ConflictOccurrencesOverflowTheSession", result.Overflow.Count);
        foreach (var d in (result.Displaced ?? []).Where(d => d.BookingId != result.PreviousId))
            message += Msg.Get("ReplacedBookingFrom", d.BookingId, d.From);
        Flash(message);
        return Redirect($"/schedule/bookings/{b.Id.ToString(CultureInfo.InvariantCulture)}/edit");
    }

    private IActionResult NotFoundPage(AppException e)
    {
        Refused(e);
        return View("Refused", new RefusedPage(e.Message, "/schedule"));
    }
}
