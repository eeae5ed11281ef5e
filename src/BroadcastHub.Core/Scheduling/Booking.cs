namespace BroadcastHub.Core.Scheduling;

/// <summary>How a booking repeats over its dates.</summary>
public enum BookingMode
{
    /// <summary>One date.</summary>
    Once,
    /// <summary>Every date of the range on which the session takes place.</summary>
    Daily,
    /// <summary>The chosen weekdays of the range on which the session takes place.</summary>
    Weekly,
}

/// <summary>Where a booking's items go in the session.</summary>
public enum BookingPriority
{
    /// <summary>After priority items, in booking order.</summary>
    Normal,
    /// <summary>First in the session (ưu tiên).</summary>
    Priority,
}

/// <summary>Bulletins booked, in order, into a session for local dates (or a live relay, see <see cref="Relay"/>).</summary>
/// <param name="Id">Database id; also the booking order.</param>
/// <param name="SessionId">The session.</param>
/// <param name="BulletinIds">What plays, in order (empty for a relay).</param>
/// <param name="From">First local date (inclusive).</param>
/// <param name="To">Last local date (inclusive).</param>
public sealed record Booking(long Id, long SessionId, IReadOnlyList<long> BulletinIds, DateOnly From, DateOnly To)
{
    /// <summary>Once, daily or weekly.</summary>
    public BookingMode Mode { get; init; } = BookingMode.Daily;
    /// <summary>For <see cref="BookingMode.Weekly"/>: the weekdays it covers.</summary>
    public IsoWeekdays Weekdays { get; init; } = IsoWeekdays.Every;
    /// <summary>Normal or priority.</summary>
    public BookingPriority Priority { get; init; } = BookingPriority.Normal;
    /// <summary>How many times the bulletins play within one session (1 = once).</summary>
    public int Repeat { get; init; } = 1;
    /// <summary>Seconds from one play's start to the next play's start, for <see cref="Repeat"/> above 1.</summary>
    public int RepeatIntervalSeconds { get; init; }
    /// <summary>From this local date on the booking is cancelled (past dates stay as they aired).</summary>
    public DateOnly? CancelledFrom { get; init; }
    /// <summary>A relay booking (tiếp sóng): the live source and its length (null seconds = until the session's end); null for bulletins.</summary>
    public RelayRundown? Relay { get; init; }

    /// <summary>True when the booking covers <paramref name="localDate"/>.</summary>
    public bool Covers(DateOnly localDate) =>
        localDate >= From && localDate <= To
        && (CancelledFrom is null || localDate < CancelledFrom)
        && (Mode != BookingMode.Weekly || Weekdays.Contains(localDate));
}
