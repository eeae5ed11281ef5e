using BroadcastHub.Core.Access;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Scheduling;

public sealed record CancelBookingRequest(string? From);
public sealed record SessionExceptionRequest(string? Date, string? Reason);
public sealed record SessionTemplateRequest(List<long>? CommuneIds, List<int>? Weekdays, string? Start, int LengthMinutes);

/// <summary>Changes that touch only the future: cancel a booking from a date, cancel one date of a session, apply a template.</summary>
[Route("api")]
public sealed class ScheduleChangesApiController(ScheduleChanges changes) : ApiControllerBase
{
    [HttpPost("bookings/{id:long}/cancel")]
    [Authorize(Roles = Roles.Admin + "," + Roles.Supervisor + "," + Roles.Operator)]
    public IActionResult CancelBooking(long id, [FromBody] CancelBookingRequest? request)
    {
        var booking = changes.CancelBooking(id, request?.From);
        return Ok(new { booking.Id, booking.SessionId, cancelledFrom = booking.CancelledFrom?.ToString("yyyy-MM-dd") });
    }

    [HttpPost("sessions/{id:long}/exceptions")]
    [Authorize(Roles = Roles.Admin + "," + Roles.Supervisor)]
    public IActionResult CancelDate(long id, [FromBody] SessionExceptionRequest request)
    {
        changes.CancelSessionDate(id, request.Date, request.Reason, UserName);
        return Ok(new { sessionId = id, date = request.Date, cancelled = true });
    }

    [HttpPost("session-templates/apply")]
    [Authorize(Roles = Roles.Admin)]
    public IActionResult ApplyTemplate([FromBody] SessionTemplateRequest request)
    {
        var created = changes.ApplyTemplate(request.CommuneIds, request.Weekdays, request.Start, request.LengthMinutes);
        return Created("/api/sessions", created.Select(s => new
        {
            s.Id, s.CommuneId, weekdays = s.Weekdays.ToIso(), start = s.Start.ToString("HH:mm:ss"), s.LengthMinutes,
        }));
    }
}
