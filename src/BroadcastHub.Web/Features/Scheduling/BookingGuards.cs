using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>A booking identical to one in force: 409 <c>duplicate_booking</c>, naming the booking already there.</summary>
public sealed class DuplicateBookingException(long existingId, string message) : Exception(message)
{
    public const string Code = "duplicate_booking";

    /// <summary>The booking in force that the request repeats.</summary>
    public long ExistingId { get; } = existingId;
}

/// <summary>Refusals that keep a booking from going wrong silently: into a session that has passed, or twice.</summary>
public sealed class BookingGuards(BookingRepository bookings, StationClock clock)
{
    /// <summary>True when a one-off session's only date has gone by (or its start has, today).</summary>
    public static bool HasPassed(SessionSlot session, StationClock clock) =>
        session.OnlyOn is { } only && only < BookingEdit.Cutover(session, clock);

    /// <summary>400 <c>session_passed</c> when the session is a one-off that has passed.</summary>
    public void EnsureSessionAhead(SessionSlot session)
    {
        if (HasPassed(session, clock)) throw Passed();
    }

    /// <summary>400 <c>session_passed</c> when none of the booking's dates is still to come (today's start already gone).</summary>
    public void EnsureDateAhead(SessionSlot session, Booking booking)
    {
        var first = BookingEdit.Cutover(session, clock);
        for (var day = first > booking.From ? first : booking.From; day <= booking.To; day = day.AddDays(1))
            if (booking.Covers(day) && session.OccursOn(day)) return;
        throw Passed();
    }

    /// <summary>409 <c>duplicate_booking</c> when a booking in force (not cancelled) has the same session, bulletins in
    /// the same order, dates and way of playing.</summary>
    public void EnsureNotDuplicate(Booking booking)
    {
        var same = bookings.ListForSession(booking.SessionId, booking.From, booking.To).FirstOrDefault(b =>
            b.CancelledFrom is null && b.From == booking.From && b.To == booking.To && b.Mode == booking.Mode
            && b.Weekdays == booking.Weekdays && b.Priority == booking.Priority && b.Repeat == booking.Repeat
            && b.RepeatIntervalSeconds == booking.RepeatIntervalSeconds && b.BulletinIds.SequenceEqual(booking.BulletinIds) && b.Relay == booking.Relay);
        if (same is not null)
            throw new DuplicateBookingException(same.Id, Msg.Get("ThisIsAlreadyBookedBookingSame", same.Id));
    }

    private static AppException Passed() => new AppException("session_passed", Msg.Get("ThisSessionHasAlreadyPassedNone"));
}
