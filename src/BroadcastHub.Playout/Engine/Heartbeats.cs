using BroadcastHub.Audio.Pipeline;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using Microsoft.Extensions.Logging;

namespace BroadcastHub.Playout;

/// <summary>
/// While an occurrence airs, writes four times a second which item is on air and since when (from the samples
/// counted), so that after a crash or power cut the airtime of every item can be reconstructed.
/// </summary>
public sealed class Heartbeats(IPlayoutStore store, StationClock clock, ILogger<Heartbeats> log)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Beats until <paramref name="done"/> is cancelled; a failed write is logged and the next one tried.</summary>
    public async Task RunAsync(Occurrence occ, IReadOnlyList<PlayableItem> items, RundownSampleProvider rundown,
        DateTimeOffset startAt, CancellationToken done)
    {
        var rate = (double)rundown.WaveFormat.SampleRate;
        while (!done.IsCancellationRequested)
        {
            var now = clock.UtcNow;
            var frame = (long)((now - startAt).TotalSeconds * rate);
            for (var i = items.Count - 1; i >= 0; i--)
            {
                var start = rundown.StartFrameOf(i);
                if (start < 0 || start > frame) continue;
                try
                {
                    store.Beat(occ.Id, items[i].Position, startAt.AddSeconds(start / rate), now);
                }
                catch (Exception e)
                {
                    log.LogWarning(e, "Heartbeat of occurrence {Id} not written", occ.Id);
                }
                break;
            }
            try
            {
                await Task.Delay(Interval, clock.Time, done);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
