using BroadcastHub.Playout;
using BroadcastHub.Web.Infrastructure.BackgroundJobs;
using Hangfire;

namespace BroadcastHub.Web.Features.Emergency;

/// <summary>Hangfire job: air an emergency occurrence at once on the station that plays its zone, when that
/// station is another process. Never retried: an emergency that could not start is visible as such.</summary>
public sealed class PlayEmergencyJob(PlayoutEngine engine)
{
    /// <param name="stationQueue">The queue of the station that plays the occurrence's zone.</param>
    /// <param name="occurrenceId">The emergency occurrence.</param>
    [StationQueue]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public void Run(string stationQueue, long occurrenceId) => engine.PlayEmergency(occurrenceId);
}
