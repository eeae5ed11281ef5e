using BroadcastHub.Playout;
using BroadcastHub.Web.Playout;
using Hangfire;

namespace BroadcastHub.Web.Features.Emergency;

/// <summary>Starts an emergency occurrence on the station that plays its zone: at once in this process when that
/// is this station, else through the other station's Hangfire queue.</summary>
public sealed class EmergencyDispatch(PlayoutEngine engine, ThisStation station, IBackgroundJobClient jobs)
{
    /// <summary>Airs emergency occurrence <paramref name="occurrenceId"/> on zone <paramref name="zoneId"/> now.</summary>
    public void PlayNow(long zoneId, long occurrenceId)
    {
        if (station.Plays(zoneId)) engine.PlayEmergency(occurrenceId);
        else if (station.QueueByZone().TryGetValue(zoneId, out var queue)) jobs.Enqueue<PlayEmergencyJob>(j => j.Run(queue, occurrenceId));
    }
}
