using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Places;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Scope;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>
/// Changes to a plan that only ever touch the future: cancelling a booking from a date, cancelling one date of a
/// session, applying a session template to many communes. What already aired stays as it aired.
/// </summary>
public sealed class ScheduleChanges(
    PlacesService places, BookingRepository bookings, SessionExceptionRepository exceptions, SchedulePlanner planner,
    SessionRepository sessions, UserScope scope, StationClock clock)
{
    /// <summary>Cancels a booking from a local date (default today) on; earlier dates stay.</summary>
    public Booking CancelBooking(long bookingId, string? from)
    {
        var booking = scope.EnsureBooking(bookingId);
        var date = Later(LocalDateInput.Optional(from, "from") ?? clock.Today, clock.Today);
        bookings.CancelFrom(bookingId, date);
        planner.PlanSession(booking.SessionId, date, booking.To);
        return bookings.Find(bookingId)!;
    }

    /// <summary>Cancels one date of a session (holiday, event); its occurrence is cancelled if it has not aired.</summary>
    public void CancelSessionDate(long sessionId, string? date, string? reason, string user)
    {
        var session = places.FindSession(sessionId);
        var day = LocalDateInput.Optional(date, "date") ?? throw new AppException("invalid_date", Msg.Get("DateYyyyMMDdIsRequired"));
        if (day < clock.Today)
            throw new AppException("date_in_past", Msg.Get("APastDateCannotBeCancelled"));
        if (!session.OccursOn(day))
            throw new AppException("no_session_on_date", Msg.Get("TheSessionDoesNotTakePlace2"));
        exceptions.Cancel(sessionId, day, string.IsNullOrWhiteSpace(reason) ? "cancelled" : reason.Trim(), user);
        planner.PlanSession(sessionId, day, day);
    }

    /// <summary>Creates the same session in every commune, all or nothing (each checked against its policy).</summary>
    public IReadOnlyList<SessionSlot> ApplyTemplate(IReadOnlyList<long>? communeIds, IReadOnlyList<int>? weekdays, string? start, int lengthMinutes) =>
        communeIds is null || communeIds.Count == 0
            ? throw new AppException("communes_required", Msg.Get("ChooseAtLeastOneCommune"))
            : communeIds.Distinct().Select(id => places.PrepareSession(id, weekdays, start, lengthMinutes)).ToList()
                .Select(s => sessions.Create(s.CommuneId, s.Weekdays, s.Start, s.LengthMinutes)).ToList();

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
