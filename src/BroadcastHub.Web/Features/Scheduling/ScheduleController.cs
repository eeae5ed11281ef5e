using System.Globalization;
using BroadcastHub.Core.Time;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Scope;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>Lịch phát: book approved bulletins into a session, see the next days' occurrences.</summary>
[Route("schedule")]
public sealed class ScheduleController(SchedulePages pages, UserScope scope, StationClock clock) : PageController
{
    /// <summary>The booking's warnings (a relay source unreachable right now), shown on the booking's page after the redirect.</summary>
    public const string WarningKey = "booking-warning";

    [HttpGet("")]
    public IActionResult Index(long? communeId, long? sessionId = null, string? from = null, string? to = null)
    {
        var today = Ui.Date(clock.Today);
        if (communeId is { } id && !scope.CoversCommune(id))
        {
            Refused(ScopeRefusals.CommuneNotFound(id));
            communeId = null;
        }
        return View(pages.Page(new BookingForm
        {
            CommuneId = communeId, SessionId = sessionId?.ToString(CultureInfo.InvariantCulture),
            From = from ?? today, To = to ?? from ?? Ui.Date(clock.Today.AddDays(6)),
        }));
    }

    [HttpPost("book")]
    [Authorize(Roles = Staff)]
    public async Task<IActionResult> Book(BookingForm form, CancellationToken cancel)
    {
        try
        {
            return await AttemptAsync(async () =>
            {
                var result = await pages.BookAsync(form, UserName, cancel);
                var b = result.Booking;
                var message = Msg.Get("BookedBooking", b.Id, b.From, b.To);
                foreach (var d in result.Displaced ?? [])
                    message += Msg.Get("ReplacedBookingFrom", d.BookingId, d.From);
                Flash(message);
                if (result.Warnings.Count > 0) TempData[WarningKey] = string.Join(" ", result.Warnings.Select(w => w.Message));
                return Redirect($"/schedule/bookings/{b.Id.ToString(CultureInfo.InvariantCulture)}");
            }, "", () => View(nameof(Index), pages.Page(form)));
        }
        catch (DuplicateBookingException e)
        {
            ModelState.AddModelError("", e.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
            var page = pages.Page(form);
            page.DuplicateOf = e.ExistingId;
            return View(nameof(Index), page);
        }
    }
}
