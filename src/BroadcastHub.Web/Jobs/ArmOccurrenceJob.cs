using BroadcastHub.Web.Playout;
using Hangfire;

namespace BroadcastHub.Web.Jobs;

/// <summary>Hangfire job: wake the engine for one occurrence. Takes an id, runs in milliseconds, never retries
/// (a retry could only arrive at the wrong time; the engine decides Late or Missed from the clock).</summary>
public sealed class ArmOccurrenceJob(PlayoutEngine engine)
{
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public void Run(long occurrenceId) => engine.Arm(occurrenceId);
}
