using BroadcastHub.Audio.Metering;
using BroadcastHub.Audio.Pipeline;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using Microsoft.Extensions.Logging;
using NAudio.Wave;

namespace BroadcastHub.Playout;

/// <summary>
/// Meters what goes to the output: silence longer than <c>BroadcastHub:DeadAir:Seconds</c> (default 10 s) below
/// <c>ThresholdDbfs</c> (default −50) while an item should be audible raises an alert on the zone and is noted on
/// the item's airtime record. The planned silence before a repeat's interval is not dead air.
/// </summary>
public sealed class DeadAirWatch
{
    private readonly List<DeadAirEvent> _episodes = [];

    /// <summary>Meters <paramref name="source"/>, the end of <paramref name="occ"/>'s chain, which starts at <paramref name="startAt"/>.</summary>
    public DeadAirWatch(Occurrence occ, ISampleProvider source, RundownSampleProvider rundown, DateTimeOffset startAt,
        DeadAirSettings settings, ZoneOutputs outputs, StationClock clock, ILogger log)
    {
        var rate = source.WaveFormat.SampleRate;
        Watch = new SilenceWatchSampleProvider(source,
            settings.ThresholdDbfs,
            TimeSpan.FromSeconds(settings.Seconds),
            expectedNow: () => !WaitingBetweenItems(rundown));
        Watch.DeadAirStarted += (_, e) =>
        {
            lock (_episodes) _episodes.Add(e);
            var since = startAt.AddSeconds(e.SilenceStart / (double)rate);
            outputs.ReportError(occ.ZoneId, $"Dead air since {clock.ToLocal(since):HH:mm:ss} (occurrence {occ.Id}).");
            log.LogWarning("Occurrence {Id}: dead air on zone {Zone} since {Since:O}", occ.Id, occ.ZoneId, since);
        };
        Watch.DeadAirEnded += (_, e) =>
            log.LogInformation("Occurrence {Id}: sound back after {Seconds:0.0} s of silence", occ.Id, e.Silence.TotalSeconds);
    }

    /// <summary>The metered stream to hand to the output.</summary>
    public SilenceWatchSampleProvider Watch { get; }

    /// <summary>Dead-air episodes seen so far (output frames).</summary>
    public IReadOnlyList<DeadAirEvent> Episodes
    {
        get { lock (_episodes) return _episodes.ToList(); }
    }

    private static bool WaitingBetweenItems(RundownSampleProvider rundown)
    {
        for (var i = 0; i < rundown.Count; i++)
            if (rundown.StartFrameOf(i) < 0) return i == 0 || rundown.EndFrameOf(i - 1) >= 0;
        return false;
    }
}
