using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Playout;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Options;
using BroadcastHub.Web.Infrastructure.Settings;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>
/// Makes sure each planned occurrence has a pending Hangfire job that arms it ahead of its start. Idempotent: an
/// occurrence whose job is still pending is left alone, so rerunning after a restart (or after Hangfire's storage
/// was rebuilt) re-arms exactly what is missing.
/// </summary>
public sealed class OccurrenceArmer(
    IBackgroundJobClient jobs, ArmJobStates states, OccurrenceRepository occurrences, ThisStation station, TimeProvider time,
    IOptions<SchedulingOptions> options)
{
    private static readonly System.Reflection.MethodInfo ArmMethod = typeof(ArmOccurrenceJob).GetMethod(nameof(ArmOccurrenceJob.Run))!;

    /// <summary>Ensures <paramref name="occ"/> will be armed; returns true when a job was created now.</summary>
    public bool EnsureArmed(Occurrence occ)
    {
        var recorded = occurrences.ArmJob(occ.Id);
        var pending = recorded is not null && states.IsPending(recorded);
        if (ArmIfNeeded(occ, pending, station.QueueByZone(), station.AgentZones()) is not { } job) return false;
        occurrences.SetArmJobs([(occ.Id, job)]);
        return true;
    }

    /// <summary>Ensures every occurrence (with its recorded job id) is armed; records the new job ids in one transaction.</summary>
    public int EnsureArmed(IEnumerable<(Occurrence Occurrence, string? ArmJobId)> due)
    {
        var queues = station.QueueByZone();
        var agentZones = station.AgentZones();
        var list = due.ToList();
        var pending = states.Pending(list.Where(d => d.ArmJobId is not null).Select(d => d.ArmJobId!).ToList());
        var created = list.Select(d => (d.Occurrence.Id, Job: ArmIfNeeded(d.Occurrence, d.ArmJobId is { } id && pending.Contains(id), queues, agentZones)))
            .Where(d => d.Job is not null).Select(d => (d.Id, d.Job!)).ToList();
        occurrences.SetArmJobs(created);
        return created.Count;
    }

    private string? ArmIfNeeded(Occurrence occ, bool recordedJobPending, IReadOnlyDictionary<long, string> queueByZone, IReadOnlySet<long> agentZones)
    {
        var queue = queueByZone.TryGetValue(occ.ZoneId, out var own) ? own : station.Queue;
        if (occ.State != OccurrenceState.Planned || agentZones.Contains(occ.ZoneId)) return null; // its agent arms it
        if (recordedJobPending) return null;
        var armAt = occ.StartUtc - TimeSpan.FromSeconds(options.Value.ArmLeadSeconds);
        // The job is built directly rather than from a lambda: compiling an expression per occurrence was most of the
        // cost of arming a day of thousands of occurrences.
        var job = new Job(typeof(ArmOccurrenceJob), ArmMethod, queue, occ.Id);
        return armAt <= time.GetUtcNow() ? jobs.Create(job, new EnqueuedState()) : jobs.Create(job, new ScheduledState(armAt.UtcDateTime));
    }
}
