namespace BroadcastHub.Core.Scheduling;

/// <summary>ISO weekdays (1 = Monday … 7 = Sunday) packed in a bit mask (bit 0 = Monday).</summary>
public readonly record struct IsoWeekdays(int Mask)
{
    /// <summary>Every day of the week.</summary>
    public static IsoWeekdays Every { get; } = new(0x7F);

    /// <summary>Builds the set from ISO day numbers; throws for numbers outside 1..7 or an empty list.</summary>
    public static IsoWeekdays FromIso(IEnumerable<int> days)
    {
        var mask = 0;
        foreach (var day in days)
        {
            if (day is < 1 or > 7)
                throw new ArgumentOutOfRangeException(nameof(days), day, "Weekdays are ISO numbers 1 (Monday) to 7 (Sunday).");
            mask |= 1 << (day - 1);
        }
        if (mask == 0) throw new ArgumentException("At least one weekday is required.", nameof(days));
        return new IsoWeekdays(mask);
    }

    /// <summary>ISO number of a .NET day of week.</summary>
    public static int IsoNumber(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    /// <summary>True when the set contains the weekday of <paramref name="date"/>.</summary>
    public bool Contains(DateOnly date) => (Mask & (1 << (IsoNumber(date.DayOfWeek) - 1))) != 0;

    /// <summary>The ISO numbers in the set, ascending.</summary>
    public IReadOnlyList<int> ToIso()
    {
        var mask = Mask;
        return Enumerable.Range(1, 7).Where(d => (mask & (1 << (d - 1))) != 0).ToList();
    }
}
