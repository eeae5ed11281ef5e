using System.Collections.Concurrent;
using BroadcastHub.Core.Time;

namespace BroadcastHub.Core.Scheduling;

/// <summary>
/// Expands sessions and bookings into dated occurrences with deterministic rundowns (see <see cref="RundownLayout"/>).
/// Pure: the same inputs always give the same plan.
/// </summary>
public sealed class OccurrencePlanner(StationClock clock)
{
    // A horizon has few distinct (date, start time) pairs but hundreds of thousands of occurrences; converting each
    // through the time zone's rules was a measurable part of planning one. Safe for planning sessions in parallel.
    // Bounded: whenever a call plans from another first date, dates before it are dropped, so a planner kept across
    // days does not grow.
    private readonly ConcurrentDictionary<(DateOnly, TimeOnly), DateTimeOffset> _starts = new();
    private readonly Lock _forgetting = new();
    private DateOnly _keptFrom = DateOnly.MinValue;

    /// <summary>Plans every occurrence of <paramref name="session"/> from <paramref name="from"/> to <paramref name="to"/> (local, inclusive).</summary>
    /// <param name="session">The session.</param>
    /// <param name="bookings">Bookings (of any session; others are ignored).</param>
    /// <param name="durations">Length in seconds of each booked bulletin.</param>
    /// <param name="from">First local date.</param>
    /// <param name="to">Last local date.</param>
    /// <param name="fill">The commune's intro/outro jingles and evergreen top-up (none when null).</param>
    public IReadOnlyList<PlannedOccurrence> Plan(SessionSlot session, IEnumerable<Booking> bookings,
        IReadOnlyDictionary<long, double> durations, DateOnly from, DateOnly to, ProgrammeFill? fill = null)
    {
        ForgetBefore(from);
        var own = bookings.Where(b => b.SessionId == session.Id).ToList();
        var result = new List<PlannedOccurrence>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (!session.OccursOn(date)) continue;
            var covering = own.Where(b => b.Covers(date)).ToList();
            if (covering.Count == 0) continue;
            var (slots, _) = RundownLayout.Build(covering, durations, session.Length.TotalSeconds);
            var items = (fill ?? ProgrammeFill.None).Apply(slots, date, session.Length.TotalSeconds);
            var start = _starts.GetOrAdd((date, session.Start), key => clock.ToUtc(key.Item1, key.Item2));
            result.Add(new PlannedOccurrence(session.Id, date, start, start + session.Length, items));
        }
        return result;
    }

    private void ForgetBefore(DateOnly from)
    {
        lock (_forgetting)
        {
            if (from == _keptFrom) return;
            foreach (var key in _starts.Keys)
                if (key.Item1 < from) _starts.TryRemove(key, out _);
            _keptFrom = from;
        }
    }
}
