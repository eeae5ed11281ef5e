namespace BroadcastHub.Core.Scheduling;

/// <summary>A commune's broadcast session (khung giờ phát): weekdays, local start, length; or a one-off on a single date.</summary>
public sealed record SessionSlot(long Id, long CommuneId, IsoWeekdays Weekdays, TimeOnly Start, int LengthMinutes)
{
    /// <summary>For a one-off session: the only local date it takes place on (<see cref="Weekdays"/> then holds that date's weekday).</summary>
    public DateOnly? OnlyOn { get; init; }

    /// <summary>True for a one-off session (a single date) rather than a weekly one.</summary>
    public bool IsOneOff => OnlyOn is not null;

    /// <summary>Length of the session.</summary>
    public TimeSpan Length => TimeSpan.FromMinutes(LengthMinutes);

    /// <summary>A one-off session on <paramref name="date"/>.</summary>
    public static SessionSlot OneOff(long id, long communeId, DateOnly date, TimeOnly start, int lengthMinutes) =>
        new(id, communeId, IsoWeekdays.FromIso([IsoWeekdays.IsoNumber(date.DayOfWeek)]), start, lengthMinutes) { OnlyOn = date };

    /// <summary>True when both sessions take place on a common date (or weekday) and their times overlap on it.</summary>
    public bool Overlaps(SessionSlot other)
    {
        if (!SharesADay(other)) return false;
        var start = Start.ToTimeSpan();
        var otherStart = other.Start.ToTimeSpan();
        return start < otherStart + other.Length && otherStart < start + Length;
    }

    /// <summary>True when the two sessions can take place on the same local date.</summary>
    public bool SharesADay(SessionSlot other) => (OnlyOn, other.OnlyOn) switch
    {
        ({ } mine, _) => other.OccursOn(mine),
        (null, { } theirs) => OccursOn(theirs),
        _ => (Weekdays.Mask & other.Weekdays.Mask) != 0,
    };

    /// <summary>True when the session takes place on <paramref name="localDate"/>.</summary>
    public bool OccursOn(DateOnly localDate) => OnlyOn is { } only ? localDate == only : Weekdays.Contains(localDate);
}
