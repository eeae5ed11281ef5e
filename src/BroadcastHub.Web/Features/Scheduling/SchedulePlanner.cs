using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using Microsoft.Extensions.Options;
using BroadcastHub.Web.Infrastructure.Settings;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>
/// Keeps occurrences planned over the horizon and armed within the arming window. Cheap and idempotent: the whole
/// horizon is read in a few queries, planned in memory and written in one transaction that touches only what changed.
/// </summary>
public sealed class SchedulePlanner(
    SessionRepository sessions, BookingRepository bookings, BulletinRepository bulletins, OccurrenceRepository occurrences,
    OccurrencePlanWriter writer, SessionExceptionRepository exceptions, OccurrenceArmer armer, StationClock clock, IOptions<SchedulingOptions> options, ILogger<SchedulePlanner> log,
    ProgrammeFills fills)
{
    /// <summary>Plans one session over local dates (clipped to today … horizon) and arms what is due.</summary>
    public IReadOnlyList<Occurrence> PlanSession(long sessionId, DateOnly from, DateOnly to) =>
        PlanSessionWithOverflow(sessionId, from, to).Select(p => p.Occurrence).ToList();

    /// <summary>As <see cref="PlanSession"/>, with the items of each occurrence that overflow the session.</summary>
    public IReadOnlyList<(Occurrence Occurrence, IReadOnlyList<PlannedSlot> Overflow)> PlanSessionWithOverflow(long sessionId, DateOnly from, DateOnly to)
    {
        var session = sessions.Find(sessionId);
        if (session is null || Clip(from, to) is not var (first, last)) return [];
        var (plans, ids) = PlanAndWrite([session], bookings.ListOverlapping(first, last, sessionId), first, last);
        return plans.Select((p, i) => (occurrences.Find(ids[i])!, p.Overflow)).ToList();
    }

    /// <summary>A preview of the session's occurrences from <paramref name="from"/> to <paramref name="to"/> (clipped to today … horizon).</summary>
    public BookingPreview PreviewFor(SessionSlot session, DateOnly from, DateOnly to)
    {
        var (first, last) = Clip(from, to) ?? (from, from.AddDays(-1));
        var existing = first > last ? [] : bookings.ListOverlapping(first, last, session.Id);
        return new BookingPreview(session, existing, first, last, new OccurrencePlanner(clock), fills.Load()(session.CommuneId), bulletins, clock.UtcNow);
    }

    /// <summary>Plans every booked session over the horizon and (re-)arms everything due within the arming window.</summary>
    public int PlanHorizon()
    {
        var started = clock.Time.GetTimestamp();
        var (first, last) = Clip(clock.Today, DateOnly.MaxValue)!.Value;
        var booked = bookings.ListOverlapping(first, last);
        var bookedSessions = booked.Select(b => b.SessionId).ToHashSet();
        var (plans, _) = PlanAndWrite(sessions.List().Where(s => bookedSessions.Contains(s.Id)).ToList(), booked, first, last);
        var planned = clock.Time.GetElapsedTime(started);
        ArmDue();
        log.LogInformation("Planner: {Count} occurrences planned up to {End} in {Plan:0} ms, armed in {Arm:0} ms", plans.Count, last,
            planned.TotalMilliseconds, (clock.Time.GetElapsedTime(started) - planned).TotalMilliseconds);
        return plans.Count;
    }

    /// <summary>Arms every planned occurrence that starts within the arming window, and those left over from a shutdown
    /// (their arm job records them Late or Missed).</summary>
    public void ArmDue()
    {
        armer.EnsureArmed(occurrences.ListArmable(clock.UtcNow + TimeSpan.FromHours(options.Value.ArmWindowHours)));
    }

    private (IReadOnlyList<PlannedOccurrence> Plans, IReadOnlyList<long> Ids) PlanAndWrite(
        IReadOnlyList<SessionSlot> planned, IReadOnlyList<Booking> booked, DateOnly first, DateOnly last)
    {
        var started = clock.Time.GetTimestamp();
        var planner = new OccurrencePlanner(clock);
        var durations = Durations(booked);
        var bySession = booked.ToLookup(b => b.SessionId);
        var cancelled = exceptions.Cancelled(first, last);
        var fillFor = fills.Load();
        var now = clock.UtcNow;
        // Pure and CPU-bound (a whole horizon is hundreds of thousands of rundowns): sessions are planned on two cores.
        var plans = planned.AsParallel().AsOrdered().WithDegreeOfParallelism(2)
            .SelectMany(s => planner.Plan(s, bySession[s.Id], durations, first, last, fillFor(s.CommuneId)))
            .Where(p => p.EndUtc > now && !cancelled.Contains((p.SessionId, p.LocalDate))).ToList();
        var computed = clock.Time.GetTimestamp();
        var ids = writer.UpsertMany(plans);
        var written = clock.Time.GetTimestamp();
        // A date whose bookings were all cancelled or edited away must not keep its old rundown.
        writer.CancelUnplanned(planned.Select(s => s.Id).ToList(), first, last, ids.ToHashSet(), clock.UtcNow);
        log.LogDebug("Planner: {Count} plans computed in {Compute:0} ms, written in {Write:0} ms, unplanned ones cancelled in {Cancel:0} ms",
            plans.Count, clock.Time.GetElapsedTime(started, computed).TotalMilliseconds,
            clock.Time.GetElapsedTime(computed, written).TotalMilliseconds, clock.Time.GetElapsedTime(written).TotalMilliseconds);
        if (planned.Count <= 1)
        {
            var armUntil = clock.UtcNow + TimeSpan.FromHours(options.Value.ArmWindowHours);
            for (var i = 0; i < plans.Count; i++)
                if (plans[i].StartUtc <= armUntil) armer.EnsureArmed(occurrences.Find(ids[i])!);
        }
        return (plans, ids);
    }

    private Dictionary<long, double> Durations(IEnumerable<Booking> booked) =>
        bulletins.FindMany(booked.SelectMany(b => b.BulletinIds)).ToDictionary(b => b.Key, b => b.Value.DurationSeconds);

    private (DateOnly First, DateOnly Last)? Clip(DateOnly from, DateOnly to)
    {
        var today = clock.Today;
        var horizonEnd = today.AddDays(options.Value.HorizonDays);
        var first = from < today ? today : from;
        var last = to > horizonEnd ? horizonEnd : to;
        return first > last ? null : (first, last);
    }
}
