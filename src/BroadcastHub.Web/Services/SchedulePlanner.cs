using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Services;

/// <summary>Keeps occurrences planned and armed over the horizon. Cheap and idempotent: safe to rerun at any time.</summary>
public sealed class SchedulePlanner(
    SessionRepository sessions, BookingRepository bookings, OccurrenceRepository occurrences, OccurrenceArmer armer,
    StationClock clock, IOptions<BroadcastHubOptions> options, ILogger<SchedulePlanner> log)
{
    /// <summary>Plans one session over local dates (clipped to today … horizon) and arms what it planned.</summary>
    public IReadOnlyList<Occurrence> PlanSession(long sessionId, DateOnly from, DateOnly to)
    {
        var session = sessions.Find(sessionId);
        if (session is null) return [];
        var today = clock.Today;
        var first = from < today ? today : from;
        var horizonEnd = today.AddDays(options.Value.HorizonDays);
        var last = to > horizonEnd ? horizonEnd : to;
        if (first > last) return [];
        var planner = new OccurrencePlanner(clock);
        var result = new List<Occurrence>();
        foreach (var plan in planner.Plan(session, bookings.ListForSession(sessionId, first, last), first, last))
        {
            if (plan.EndUtc <= clock.UtcNow) continue;
            var occ = occurrences.Find(occurrences.Upsert(plan))!;
            armer.EnsureArmed(occ);
            result.Add(occ);
        }
        return result;
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
