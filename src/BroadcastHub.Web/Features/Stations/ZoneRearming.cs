using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Scheduling;
using BroadcastHub.Web.Infrastructure;
using Hangfire;
using Microsoft.Extensions.Options;
using BroadcastHub.Web.Infrastructure.Settings;

namespace BroadcastHub.Web.Features.Stations;

/// <summary>
/// After a zone moves to another station: its planned occurrences' arm jobs still wait on the old station's queue,
/// which may be a PC that is switched off. They are deleted and armed again on the new station's queue at once.
/// </summary>
public sealed class ZoneRearming(
    OccurrenceRepository occurrences, OccurrenceArmer armer, IBackgroundJobClient jobs, StationClock clock, IOptions<SchedulingOptions> options)
{
    /// <summary>Re-arms every planned occurrence of <paramref name="zoneId"/> within the arming window; returns how many.</summary>
    public int Rearm(long zoneId)
    {
        var due = occurrences.ListArmable(clock.UtcNow + TimeSpan.FromHours(options.Value.ArmWindowHours))
            .Where(d => d.Occurrence.ZoneId == zoneId).ToList();
        foreach (var (_, jobId) in due)
            if (jobId is not null) jobs.Delete(jobId);
        return armer.EnsureArmed(due.Select(d => (d.Occurrence, (string?)null)));
    }
}
