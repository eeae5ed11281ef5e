namespace BroadcastHub.Core.Scheduling;

/// <summary>One planned item of a session's rundown.</summary>
/// <param name="BulletinId">What plays (0 for a relay).</param>
/// <param name="BookingId">Which booking put it there (null for what the commune's programme adds, see <see cref="Fill"/>).</param>
/// <param name="OffsetSeconds">Planned start, seconds after the session's start.</param>
/// <param name="DurationSeconds">Its length.</param>
/// <param name="NotBeforeSeconds">For a repeat: the earliest offset it may start at (silence fills any wait).</param>
public sealed record PlannedSlot(long BulletinId, long? BookingId, double OffsetSeconds, double DurationSeconds, double? NotBeforeSeconds)
{
    /// <summary>Why the commune's programme added it (intro, evergreen, outro); null for a booked item.</summary>
    public RundownFill? Fill { get; init; }

    /// <summary>For a relay: the live source and the booked length (then <see cref="BulletinId"/> is 0).</summary>
    public RelayRundown? Relay { get; init; }

    /// <summary>Planned end, seconds after the session's start.</summary>
    public double EndSeconds => OffsetSeconds + DurationSeconds;
}

/// <summary>
/// Lays out the rundown of one occurrence, deterministically: priority bookings first, then booking order; inside a
/// booking, its bulletins in order. A booking with <see cref="Booking.Repeat"/> N plays N times, each play starting
/// no earlier than <see cref="Booking.RepeatIntervalSeconds"/> after the previous one; items of other bookings fill
/// the wait, and silence fills what is left. A relay booking is one item of its booked length, or, until the session's
/// end, of what is left of the session after its start. Items that end after the session are kept (the engine cuts them at the
/// session's end and records it) and also reported as overflow, so the booking screen can show them at once.
/// </summary>
public static class RundownLayout
{
    /// <summary>Lays out <paramref name="bookings"/> (those covering the date) for a session of <paramref name="sessionSeconds"/>;
    /// returns every slot, and separately those that overflow the session.</summary>
    public static (IReadOnlyList<PlannedSlot> Slots, IReadOnlyList<PlannedSlot> Overflow) Build(
        IEnumerable<Booking> bookings, IReadOnlyDictionary<long, double> durations, double sessionSeconds)
    {
        var list = bookings as IReadOnlyList<Booking> ?? bookings.ToList();
        var ordered = list.Count <= 1 ? list : list.OrderBy(b => b.Priority == BookingPriority.Priority ? 0 : 1).ThenBy(b => b.Id).ToList();
        var firstPlays = new Queue<(Booking Booking, int Play)>(ordered.Select(b => (b, 0)));
        var repeats = new List<(Booking Booking, int Play, double NotBefore)>();
        var slots = new List<PlannedSlot>();
        var cursor = 0.0;
        while (firstPlays.Count > 0 || repeats.Count > 0)
        {
            var due = repeats.Count == 0 ? default
                : repeats.Where(r => r.NotBefore <= cursor).OrderBy(r => r.NotBefore).ThenBy(r => r.Booking.Id).FirstOrDefault();
            (Booking Booking, int Play, double? NotBefore) next;
            if (due.Booking is not null) { repeats.Remove(due); next = due; }
            else if (firstPlays.Count > 0) { var f = firstPlays.Dequeue(); next = (f.Booking, f.Play, null); }
            else { var soonest = repeats.OrderBy(r => r.NotBefore).First(); repeats.Remove(soonest); next = soonest; }

            var start = Math.Max(cursor, next.NotBefore ?? 0);
            var playStart = start;
            if (next.Booking.Relay is { } relay)
            {
                var length = relay.Seconds ?? Math.Max(0, sessionSeconds - start);
                slots.Add(new PlannedSlot(0, next.Booking.Id, start, length, next.NotBefore) { Relay = relay });
                start += length;
            }
            foreach (var bulletinId in next.Booking.BulletinIds)
            {
                var length = durations.TryGetValue(bulletinId, out var d) ? d : 0;
                slots.Add(new PlannedSlot(bulletinId, next.Booking.Id, start, length, start == playStart ? next.NotBefore : null));
                start += length;
            }
            cursor = start;
            if (next.Play + 1 < next.Booking.Repeat)
                repeats.Add((next.Booking, next.Play + 1, playStart + Math.Max(next.Booking.RepeatIntervalSeconds, 0)));
        }
        Predicate<PlannedSlot> overflows = s => s.EndSeconds > sessionSeconds + 1e-6;
        return (slots, slots.Exists(overflows) ? slots.FindAll(overflows) : []);
    }
}
