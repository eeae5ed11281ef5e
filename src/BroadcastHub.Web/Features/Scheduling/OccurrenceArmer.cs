using System.Collections.Concurrent;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Playout;
using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
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
    IOptions<SchedulingOptions> options, JobStorage storage)
{
    /// <summary>
    /// Jobs created and recorded together: a crash between creating and recording leaves at most this many jobs unrecorded
    /// (the next run arms those occurrences again; the engine's claim airs each once).
    /// </summary>
    public const int JobsPerChunk = 500;

    /// <summary>
    /// Connections creating jobs at once on Hangfire.PostgreSql, whose client makes two transactions and about eight round
    /// trips a job (docs/architecture.md, "Arming many occurrences"). The SQLite storage has one writer, so there it is one.
    /// </summary>
    public const int PostgresCreatingConnections = 4;

    private static readonly System.Reflection.MethodInfo ArmMethod = typeof(ArmOccurrenceJob).GetMethod(nameof(ArmOccurrenceJob.Run))!;

    /// <summary>Ensures <paramref name="occ"/> will be armed; returns true when a job was created now.</summary>
    public bool EnsureArmed(Occurrence occ)
    {
        var recorded = occurrences.ArmJob(occ.Id);
        var pending = recorded is not null && states.IsPending(recorded);
        if (pending || !NeedsJob(occ, station.AgentZones())) return false;
        occurrences.SetArmJobs([(occ.Id, Create(occ, station.QueueByZone()))]);
        return true;
    }

    /// <summary>
    /// Ensures every occurrence (with its recorded job id) is armed; creates the missing jobs in chunks of
    /// <see cref="JobsPerChunk"/> (on several connections on PostgreSQL) and records each chunk's ids in one transaction.
    /// </summary>
    public int EnsureArmed(IEnumerable<(Occurrence Occurrence, string? ArmJobId)> due)
    {
        var queues = station.QueueByZone();
        var agentZones = station.AgentZones();
        var list = due.ToList();
        var pending = states.Pending(list.Where(d => d.ArmJobId is not null).Select(d => d.ArmJobId!).ToList());
        var missing = list.Where(d => !(d.ArmJobId is { } id && pending.Contains(id)) && NeedsJob(d.Occurrence, agentZones))
            .Select(d => d.Occurrence).ToList();
        var degree = storage is PostgreSqlStorage ? PostgresCreatingConnections : 1;
        foreach (var chunk in missing.Chunk(JobsPerChunk)) CreateAndRecord(chunk, queues, degree);
        return missing.Count;
    }

    /// <summary>Creates the chunk's jobs and records those created, also when creating one of them failed.</summary>
    private void CreateAndRecord(Occurrence[] chunk, IReadOnlyDictionary<long, string> queues, int degree)
    {
        var created = new ConcurrentQueue<(long Id, string JobId)>();
        try
        {
            FirstError.Rethrow(() =>
                Parallel.ForEach(chunk, new ParallelOptions { MaxDegreeOfParallelism = degree }, occ => created.Enqueue((occ.Id, Create(occ, queues)))));
        }
        finally
        {
            occurrences.SetArmJobs(created.ToList());
        }
    }

    private static bool NeedsJob(Occurrence occ, IReadOnlySet<long> agentZones) =>
        occ.State == OccurrenceState.Planned && !agentZones.Contains(occ.ZoneId);   // an agent's zone: its agent arms it

    private string Create(Occurrence occ, IReadOnlyDictionary<long, string> queueByZone)
    {
        var queue = queueByZone.TryGetValue(occ.ZoneId, out var own) ? own : station.Queue;
        var armAt = occ.StartUtc - TimeSpan.FromSeconds(options.Value.ArmLeadSeconds);
        // The job is built directly rather than from a lambda: compiling an expression per occurrence was most of the
        // cost of arming a day of thousands of occurrences.
        var job = new Job(typeof(ArmOccurrenceJob), ArmMethod, queue, occ.Id);
        return armAt <= time.GetUtcNow() ? jobs.Create(job, new EnqueuedState()) : jobs.Create(job, new ScheduledState(armAt.UtcDateTime));
    }
}
