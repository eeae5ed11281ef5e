using BroadcastHub.Core.Access;
using BroadcastHub.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Api;

public sealed record CreateBookingRequest(long SessionId, List<long>? BulletinIds, string? From, string? To);

[Route("api/bookings")]
public sealed class BookingsApiController(BookingService bookings) : ApiControllerBase
{
    /// <summary>Books bulletins into a session for local dates; returns the occurrences planned now.</summary>
    [HttpPost]
    [Authorize(Roles = Roles.Admin + "," + Roles.Operator + "," + Roles.Supervisor)]
    public IActionResult Create([FromBody] CreateBookingRequest request)
    {
        var result = bookings.Book(request.SessionId, request.BulletinIds, request.From, request.To, UserName);
        return Created($"/api/bookings/{result.Booking.Id}", new
        {
            id = result.Booking.Id,
            result.Booking.SessionId,
            result.Booking.BulletinIds,
            from = result.Booking.From.ToString("yyyy-MM-dd"),
            to = result.Booking.To.ToString("yyyy-MM-dd"),
            occurrences = result.Occurrences.Select(o => new
            {
                o.Id, localDate = o.LocalDate.ToString("yyyy-MM-dd"), start = o.StartUtc, end = o.EndUtc, state = o.State.ToString(),
            }),
        });
    }
}
