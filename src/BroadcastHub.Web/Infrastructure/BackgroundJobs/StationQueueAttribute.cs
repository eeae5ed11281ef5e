using Hangfire.Common;
using Hangfire.States;

namespace BroadcastHub.Web.Infrastructure.BackgroundJobs;

/// <summary>
/// Puts a job on the queue named by its first argument when it is enqueued (at once or when its delay is over), so
/// the arm job of an occurrence reaches only the station that plays its zone. Works with any Hangfire storage,
/// unlike per-job queues, which the SQLite storage does not support.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StationQueueAttribute : JobFilterAttribute, IElectStateFilter
{
    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is EnqueuedState enqueued && context.BackgroundJob.Job.Args is [string queue, ..])
            enqueued.Queue = queue;
    }
}
