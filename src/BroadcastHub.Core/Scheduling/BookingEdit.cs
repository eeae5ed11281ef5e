using BroadcastHub.Core.Time;

namespace BroadcastHub.Core.Scheduling;

/// <summary>
/// Editing a booking changes the future only. From the cutover date on, the edited booking applies; before it, what was
/// booked stays as it was (and aired). A booking that covered nothing before the cutover is changed in place (same id,
/// same place in the booking order); one that did is split: it ends the day before the cutover, and the edit is stored
/// as a new booking from the cutover on.
/// </summary>
public static class BookingEdit
{
    /// <summary>
    /// First local date an edit may change: today if the session's occurrence today has not started yet (or it does not
    /// take place today), else tomorrow.
    /// </summary>
    public static DateOnly Cutover(SessionSlot session, StationClock clock)
    {
        var today = clock.Today;
        return session.OccursOn(today) && clock.UtcNow >= clock.ToUtc(today, session.Start) ? today.AddDays(1) : today;
    }

    /// <summary>True when <paramref name="booking"/> covered dates before <paramref name="cutover"/>, so an edit must split it.</summary>
    public static bool NeedsSplit(Booking booking, DateOnly cutover) => booking.From < cutover;

    /// <summary>The edited booking's first date: its asked-for start, but never before the cutover.</summary>
    public static DateOnly EffectiveFrom(DateOnly askedFrom, DateOnly cutover) => askedFrom < cutover ? cutover : askedFrom;
}
