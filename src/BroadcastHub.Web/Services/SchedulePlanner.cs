using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Services;

/// <summary>Keeps occurrences planned and armed over the horizon. Cheap and idempotent: safe to rerun at any time.</summary>
public sealed class SchedulePlanner(
    SessionRepository sessions, BookingRepository bookings, BulletinRepository bulletins, OccurrenceRepository occurrences, OccurrenceArmer armer,
    StationClock clock, IOptions<BroadcastHubOptions> options, ILogger<SchedulePlanner> log)
{
    /// <summary>Plans one session over local dates (clipped to today … horizon) and arms what it planned.</summary>
    public IReadOnlyList<Occurrence> PlanSession(long sessionId, DateOnly from, DateOnly to) =>
        PlanSessionWithOverflow(sessionId, from, to).Select(p => p.Occurrence).ToList();

    /// <summary>As <see cref="PlanSession"/>, with the items of each occurrence that overflow the session.</summary>
    public IReadOnlyList<(Occurrence Occurrence, IReadOnlyList<PlannedSlot> Overflow)> PlanSessionWithOverflow(long sessionId, DateOnly from, DateOnly to)
    {
        var session = sessions.Find(sessionId);
        if (session is null) return [];
        var today = clock.Today;
        var first = from < today ? today : from;
        var horizonEnd = today.AddDays(options.Value.HorizonDays);
        var last = to > horizonEnd ? horizonEnd : to;
        if (first > last) return [];
        var planner = new OccurrencePlanner(clock);
        var booked = bookings.ListForSession(sessionId, first, last);
        var durations = bulletins.FindMany(booked.SelectMany(b => b.BulletinIds)).ToDictionary(b => b.Key, b => b.Value.DurationSeconds);
        var result = new List<(Occurrence, IReadOnlyList<PlannedSlot>)>();
        foreach (var plan in planner.Plan(session, booked, durations, first, last))
        {
            if (plan.EndUtc <= clock.UtcNow) continue;
            var occ = occurrences.Find(occurrences.Upsert(plan))!;
            armer.EnsureArmed(occ);
            result.Add((occ, plan.Overflow));
        }
        // A date whose bookings were all cancelled or edited away must not keep its old rundown.
        var kept = result.Select(r => r.Item1.Id).ToHashSet();
        foreach (var stale in occurrences.ListStarting(clock.ToUtc(first, TimeOnly.MinValue), clock.ToUtc(last.AddDays(1), TimeOnly.MinValue), OccurrenceState.Planned)
                     .Where(o => o.SessionId == sessionId && !kept.Contains(o.Id) && o.StartUtc > clock.UtcNow))
            occurrences.TryTransition(stale.Id, OccurrenceState.Cancelled, clock.UtcNow);
        return result;
    }

    /// <summary>What the occurrences of a session would be with <paramref name="candidate"/> added; stores nothing.</summary>
    public IReadOnlyList<PlannedOccurrence> Preview(SessionSlot session, Booking candidate)
    {
        var today = clock.Today;
        var first = candidate.From < today ? today : candidate.From;
        var horizonEnd = today.AddDays(options.Value.HorizonDays);
        var last = candidate.To > horizonEnd ? horizonEnd : candidate.To;
        if (first > last) return [];
        var booked = bookings.ListForSession(session.Id, first, last).Append(candidate with { Id = long.MaxValue }).ToList();
        var durations = bulletins.FindMany(booked.SelectMany(b => b.BulletinIds)).ToDictionary(b => b.Key, b => b.Value.DurationSeconds);
        return new OccurrencePlanner(clock).Plan(session, booked, durations, first, last)
            .Where(p => p.EndUtc > clock.UtcNow && p.Items.Any(i => i.BookingId == long.MaxValue)).ToList();
    }

    /// <summary>Plans every booked session over the horizon and re-arms every planned occurrence still due.</summary>
    public int PlanHorizon()
    {
        var today = clock.Today;
        var end = today.AddDays(options.Value.HorizonDays);
        var planned = bookings.SessionsWithBookings(today, end).Sum(id => PlanSession(id, today, end).Count);
        // Occurrences left Planned from before a shutdown: their arm job records them Late or Missed.
        foreach (var occ in occurrences.ListInState(OccurrenceState.Planned).Where(o => o.StartUtc < clock.UtcNow))
            armer.EnsureArmed(occ);
        log.LogInformation("Planner: {Count} occurrences planned up to {End}", planned, end);
        return planned;
    }
}
