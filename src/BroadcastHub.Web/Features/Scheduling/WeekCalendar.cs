using System.Globalization;
using BroadcastHub.Core.Places;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>
/// Lịch tuần: each commune's sessions on each date of a week, with the rundown <see cref="RundownQuery"/> gives
/// (the stored occurrence's, or what the bookings would give), its fill and its overflow.
/// </summary>
public sealed class WeekCalendar(SessionRepository sessions, RundownQuery rundowns, StationClock clock)
{
    /// <summary>Most communes one unit's calendar shows.</summary>
    public const int MaxCommunes = 40;

    /// <summary>The Monday of the week holding <paramref name="date"/>.</summary>
    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The week of <paramref name="date"/> for <paramref name="communes"/> (at most <see cref="MaxCommunes"/>, by name).</summary>
    public WeekCalendarView Build(IReadOnlyList<Commune> communes, DateOnly date)
    {
        var monday = MondayOf(date);
        var shown = communes.OrderBy(c => c.Name, StringComparer.CurrentCulture).Take(MaxCommunes).ToList();
        var slots = sessions.List().ToLookup(s => s.CommuneId);
        var weeks = shown.Select(c => new CommuneWeek(c, Enumerable.Range(0, 7).Select(monday.AddDays)
            .Select(day => new WeekDayCell(day, slots[c.Id].OrderBy(s => s.Start)
                .Select(s => Cell(s, day)).OfType<WeekSessionCell>().ToList())).ToList())).ToList();
        return new WeekCalendarView(monday, weeks, communes.Count - shown.Count);
    }

    private WeekSessionCell? Cell(BroadcastHub.Core.Scheduling.SessionSlot session, DateOnly day)
    {
        var rundown = rundowns.For(session.Id, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (rundown.OccurrenceId is null && !session.OccursOn(day)) return null;
        var filled = rundown.Items.Count == 0 ? 0 : rundown.Items.Max(i => i.OffsetSeconds + i.DurationSeconds);
        return new WeekSessionCell(session, rundown, filled) { Started = clock.UtcNow >= clock.ToUtc(day, session.Start) };
    }
}
