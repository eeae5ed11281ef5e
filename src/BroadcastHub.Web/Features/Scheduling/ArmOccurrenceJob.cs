using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout;
using BroadcastHub.Web.Infrastructure.BackgroundJobs;
using BroadcastHub.Web.Playout;
using Hangfire;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>Hangfire job: wake the engine for one occurrence. Takes an id, runs in milliseconds, never retries
/// (a retry could only arrive at the wrong time; the engine decides Late or Missed from the clock).</summary>
public sealed class ArmOccurrenceJob(PlayoutEngine engine, ThisStation station, OccurrenceRepository occurrences, IBackgroundJobClient jobs)
{
    /// <param name="stationQueue">The queue of the station that played the occurrence's zone when it was armed
    /// (see <see cref="StationQueueAttribute"/>).</param>
    /// <param name="occurrenceId">The occurrence to arm.</param>
    [StationQueue]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public void Run(string stationQueue, long occurrenceId)
    {
        if (ForwardedToItsStation(occurrenceId)) return;
        engine.Arm(occurrenceId);
    }

    /// <summary>The zone moved to another station after this job was scheduled: hand the job to that station's queue.</summary>
    private bool ForwardedToItsStation(long occurrenceId)
    {
        if (occurrences.Find(occurrenceId) is not { } occ || station.Plays(occ.ZoneId)) return false;
        if (!station.QueueByZone().TryGetValue(occ.ZoneId, out var queue)) return false;
        var forwarded = jobs.Enqueue<ArmOccurrenceJob>(j => j.Run(queue, occurrenceId));
        occurrences.SetArmJobs([(occurrenceId, forwarded)]);
        return true;
    }
}
