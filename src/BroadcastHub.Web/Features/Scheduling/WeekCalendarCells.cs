using BroadcastHub.Core.Places;
using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>One session on one date with its rundown: booked items, how full it is, and what overflows.</summary>
/// <param name="Session">The session slot.</param>
/// <param name="Rundown">The stored occurrence's rundown, or what the bookings would give.</param>
/// <param name="FilledSeconds">Where the last item ends, seconds after the session's start.</param>
public sealed record WeekSessionCell(SessionSlot Session, RundownView Rundown, double FilledSeconds)
{
    /// <summary>True when an item ends after the session (a conflict: the engine cuts it).</summary>
    public bool Overflows => Rundown.Items.Any(i => i.Overflow);

    /// <summary>True once the session's start on this date has passed: it can no longer be booked, edited or cancelled.</summary>
    public bool Started { get; init; }

    /// <summary>True when the occurrence on this date is cancelled (nothing airs).</summary>
    public bool Cancelled => Rundown.State == nameof(OccurrenceState.Cancelled);

    /// <summary>True when the occurrence on this date has aired (or is airing).</summary>
    public bool Aired => Rundown.State == nameof(OccurrenceState.Claimed);

    /// <summary>Filled share of the session, 0–100 (capped).</summary>
    public int FillPercent => Session.LengthMinutes <= 0 ? 0 : (int)Math.Min(100, Math.Round(100 * FilledSeconds / Session.Length.TotalSeconds));
}

/// <summary>A date of the week with its sessions in start order.</summary>
public sealed record WeekDayCell(DateOnly Date, IReadOnlyList<WeekSessionCell> Sessions);

/// <summary>A commune's week.</summary>
public sealed record CommuneWeek(Commune Commune, IReadOnlyList<WeekDayCell> Days);

/// <summary>The week calendar: Monday to Sunday for one commune or every commune of a unit's subtree.</summary>
/// <param name="Monday">First date of the week.</param>
/// <param name="Communes">The communes shown, by name.</param>
/// <param name="Omitted">Communes of the unit not shown because of <see cref="WeekCalendar.MaxCommunes"/>.</param>
public sealed record WeekCalendarView(DateOnly Monday, IReadOnlyList<CommuneWeek> Communes, int Omitted)
{
    /// <summary>The seven dates.</summary>
    public IEnumerable<DateOnly> Dates => Enumerable.Range(0, 7).Select(Monday.AddDays);
}
