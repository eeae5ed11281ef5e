namespace BroadcastHub.Core.Scheduling;

/// <summary>A commune's recurring broadcast session (khung giờ phát): weekdays, local start, length.</summary>
public sealed record SessionSlot(long Id, long CommuneId, IsoWeekdays Weekdays, TimeOnly Start, int LengthMinutes)
{
    /// <summary>Length of the session.</summary>
    public TimeSpan Length => TimeSpan.FromMinutes(LengthMinutes);

    /// <summary>True when both sessions share a weekday and their times overlap on it (same-day sessions).</summary>
    public bool Overlaps(SessionSlot other)
    {
        if ((Weekdays.Mask & other.Weekdays.Mask) == 0) return false;
        var start = Start.ToTimeSpan();
        var otherStart = other.Start.ToTimeSpan();
        return start < otherStart + other.Length && otherStart < start + Length;
    }

    /// <summary>True when the session takes place on <paramref name="localDate"/>.</summary>
    public bool OccursOn(DateOnly localDate) => Weekdays.Contains(localDate);
}
