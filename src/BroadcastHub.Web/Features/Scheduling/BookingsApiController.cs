using BroadcastHub.Core.Access;
using BroadcastHub.Core.Time;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Scheduling;

public sealed record CreateBookingRequest(
    long SessionId, List<long>? BulletinIds, string? From, string? To, string? Mode, List<int>? Weekdays, string? Priority,
    int? Repeat, int? RepeatIntervalSeconds, string? OnOverflow, RelayRequest? Relay = null);

/// <summary>An edit of a booking: fields left out keep their value.</summary>
public sealed record EditBookingRequest(
    List<long>? BulletinIds, string? From, string? To, string? Mode, List<int>? Weekdays, string? Priority,
    int? Repeat, int? RepeatIntervalSeconds, string? OnOverflow, long SessionId = 0, RelayRequest? Relay = null);

[Route("api/bookings")]
public sealed class BookingsApiController(BookingService bookings, BookingEdits edits, BookingQuery query, StationClock clock) : ApiControllerBase
{
    /// <summary>Bookings in the caller's scope, by commune, session and local dates.</summary>
    [HttpGet]
    public IActionResult List([FromQuery] long? communeId, [FromQuery] long? sessionId, [FromQuery] string? from, [FromQuery] string? to) =>
        Ok(query.List(communeId, sessionId, from, to).Select(e => new
        {
            id = e.Booking.Id, e.Booking.SessionId, e.CommuneId, e.Booking.BulletinIds,
            from = Iso(e.Booking.From), to = Iso(e.Booking.To), mode = e.Booking.Mode.ToString().ToLowerInvariant(),
            weekdays = e.Booking.Weekdays.ToIso(), priority = e.Booking.Priority.ToString().ToLowerInvariant(),
            repeat = e.Booking.Repeat, repeatIntervalSeconds = e.Booking.RepeatIntervalSeconds,
            cancelledFrom = e.Booking.CancelledFrom is { } c ? Iso(c) : null, relay = RelayJson(e.Booking.Relay),
        }));

    /// <summary>Edits a booking for the future only; returns the booking now in force (a new id when the old one was split).</summary>
    [HttpPut("{id:long}")]
    [Authorize(Roles = Roles.Admin + "," + Roles.Operator + "," + Roles.Supervisor)]
    public async Task<IActionResult> Update(long id, [FromBody] EditBookingRequest r, CancellationToken cancel) =>
        Ok(Json(await edits.EditAsync(id, new BookingRequest(r.SessionId, r.BulletinIds, r.From, r.To, r.Mode, r.Weekdays, r.Priority,
            r.Repeat, r.RepeatIntervalSeconds, r.OnOverflow, r.Relay), UserName, cancel)));

    /// <summary>Books bulletins into a session; returns the occurrences planned now and what overflows the session.</summary>
    [HttpPost]
    [Authorize(Roles = Roles.Admin + "," + Roles.Operator + "," + Roles.Supervisor)]
    public async Task<IActionResult> Create([FromBody] CreateBookingRequest r, CancellationToken cancel)
    {
        try
        {
            var result = await bookings.BookAsync(new BookingRequest(r.SessionId, r.BulletinIds, r.From, r.To, r.Mode, r.Weekdays, r.Priority,
                r.Repeat, r.RepeatIntervalSeconds, r.OnOverflow, r.Relay), UserName, cancel);
            return Created($"/api/bookings/{result.Booking.Id}", Json(result));
        }
        catch (DuplicateBookingException e)
        {
            return Conflict(new { error = DuplicateBookingException.Code, message = e.Message, existingId = e.ExistingId });
        }
    }

    /// <summary>A relay booking's <c>relay</c>: its source and minutes, or <c>untilSessionEnd</c>; null for bulletins.</summary>
    private static object? RelayJson(Core.Scheduling.RelayRundown? relay) => relay is null ? null
        : new { sourceId = relay.SourceId, minutes = relay.Seconds / 60, untilSessionEnd = relay.Seconds is null };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private object Json(BookingResult result)
    {
        var b = result.Booking;
        return new
        {
            id = b.Id, b.SessionId, b.BulletinIds, from = b.From.ToString("yyyy-MM-dd"), to = b.To.ToString("yyyy-MM-dd"),
            mode = b.Mode.ToString().ToLowerInvariant(), weekdays = b.Weekdays.ToIso(), priority = b.Priority.ToString().ToLowerInvariant(),
            repeat = b.Repeat, repeatIntervalSeconds = b.RepeatIntervalSeconds, relay = RelayJson(b.Relay), previousId = result.PreviousId,
            warnings = result.Warnings.Select(w => new { code = w.Code, message = w.Message }),
            replaced = (result.Displaced ?? []).Select(d => new { bookingId = d.BookingId, cancelledFrom = d.From.ToString("yyyy-MM-dd") }),
            occurrences = result.Occurrences.Select(o => new
            {
                o.Id, localDate = o.LocalDate.ToString("yyyy-MM-dd"), start = o.StartUtc, end = o.EndUtc, state = o.State.ToString(),
            }),
            overflow = result.Overflow.Select(o => new
            {
                occurrenceId = o.Occurrence.Id, localDate = o.Occurrence.LocalDate.ToString("yyyy-MM-dd"),
                items = o.Overflow.Select(s => new { bulletinId = s.Relay is null ? (long?)s.BulletinId : null, relaySourceId = s.Relay?.SourceId, s.BookingId, plannedStart = clock.ToLocal(o.Occurrence.StartUtc.AddSeconds(s.OffsetSeconds)), s.DurationSeconds }),
            }),
        };
    }
}
