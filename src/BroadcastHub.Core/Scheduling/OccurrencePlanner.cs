using BroadcastHub.Core.Time;

namespace BroadcastHub.Core.Scheduling;

/// <summary>
/// Expands sessions and bookings into dated occurrences with deterministic rundowns (booking order, then the
/// order of bulletins inside each booking). Pure: the same inputs always give the same plan.
/// </summary>
public sealed class OccurrencePlanner(StationClock clock)
{
    /// <summary>Plans every occurrence of <paramref name="session"/> from <paramref name="from"/> to <paramref name="to"/> (local, inclusive).</summary>
    public IReadOnlyList<PlannedOccurrence> Plan(SessionSlot session, IEnumerable<Booking> bookings, DateOnly from, DateOnly to)
    {
        var ordered = bookings.Where(b => b.SessionId == session.Id).OrderBy(b => b.Id).ToList();
        var result = new List<PlannedOccurrence>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (!session.OccursOn(date)) continue;
            var items = ordered.Where(b => b.Covers(date))
                .SelectMany(b => b.BulletinIds.Select(id => (BulletinId: id, BookingId: b.Id)))
                .ToList();
            if (items.Count == 0) continue;
            var start = clock.ToUtc(date, session.Start);
            result.Add(new PlannedOccurrence(session.Id, date, start, start + session.Length, items));
        }
        return result;
    }
}
