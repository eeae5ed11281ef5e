using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>
/// What a session's occurrences still to come (today … horizon) would be for a set of bookings, with the commune's
/// programme applied. Stores nothing; used to show and resolve overflow before a booking is stored.
/// </summary>
public sealed class BookingPreview(
    SessionSlot session, IReadOnlyList<Booking> existing, DateOnly first, DateOnly last, OccurrencePlanner planner,
    ProgrammeFill fill, BulletinRepository bulletins, DateTimeOffset now)
{
    private readonly Dictionary<long, double> _durations = [];

    /// <summary>The session's bookings stored now that overlap the previewed dates.</summary>
    public IReadOnlyList<Booking> Existing => existing;

    /// <summary>The occurrences still to come for <paramref name="bookings"/>.</summary>
    public IReadOnlyList<PlannedOccurrence> Plan(IReadOnlyList<Booking> bookings)
    {
        var missing = bookings.SelectMany(b => b.BulletinIds).Where(id => !_durations.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
            foreach (var (id, b) in bulletins.FindMany(missing)) _durations[id] = b.DurationSeconds;
        return planner.Plan(session, bookings, _durations, first, last, fill).Where(p => p.EndUtc > now).ToList();
    }

    /// <summary>The occurrences containing <paramref name="candidate"/> that overflow the session beside <paramref name="others"/>.</summary>
    public IReadOnlyList<PlannedOccurrence> Overflowing(IReadOnlyList<Booking> others, Booking candidate) =>
        Plan([.. others.Where(b => b.Id != candidate.Id), candidate])
            .Where(p => p.Overflow.Count > 0 && p.Items.Any(i => i.BookingId == candidate.Id)).ToList();
}
