namespace BroadcastHub.Core.Scheduling;

/// <summary>A booking the "replace" overflow choice ends from a local date on, to make room for a new one.</summary>
/// <param name="BookingId">The displaced booking.</param>
/// <param name="From">First local date it no longer covers.</param>
public sealed record Displacement(long BookingId, DateOnly From);

/// <summary>
/// The "replace" choice when a booking would overflow its session: the new booking takes the place of normal-priority
/// bookings (priority bookings are never displaced). While an occurrence containing the new booking overflows, the
/// newest normal booking present in an overflowing occurrence is ended from the first such occurrence's date (so
/// later dates lose it too; earlier dates keep it), and the plan is laid out again.
/// </summary>
public static class OverflowReplacement
{
    /// <summary>
    /// The displacements that make <paramref name="candidate"/> fit, in the order chosen (empty when it fits already), or
    /// null when it cannot fit even with every normal booking displaced.
    /// </summary>
    /// <param name="existing">The session's other bookings.</param>
    /// <param name="candidate">The new (or edited) booking.</param>
    /// <param name="plan">Lays out the occurrences still to come for a set of bookings.</param>
    public static IReadOnlyList<Displacement>? Choose(
        IReadOnlyList<Booking> existing, Booking candidate, Func<IReadOnlyList<Booking>, IReadOnlyList<PlannedOccurrence>> plan)
    {
        var kept = existing.Where(b => b.Id != candidate.Id).ToList();
        var displaced = new List<Displacement>();
        while (true)
        {
            var overflowing = plan([.. kept, candidate])
                .Where(p => p.Overflow.Count > 0 && p.Items.Any(i => i.BookingId == candidate.Id)).ToList();
            if (overflowing.Count == 0) return displaced;
            var victim = kept
                .Where(b => b.Priority == BookingPriority.Normal && overflowing.Any(p => p.Items.Any(i => i.BookingId == b.Id)))
                .MaxBy(b => b.Id);
            if (victim is null) return null;
            var from = overflowing.Where(p => p.Items.Any(i => i.BookingId == victim.Id)).Min(p => p.LocalDate);
            kept[kept.IndexOf(victim)] = victim with { CancelledFrom = from };
            displaced.Add(new Displacement(victim.Id, from));
        }
    }
}
