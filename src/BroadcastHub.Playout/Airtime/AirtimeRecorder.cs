using BroadcastHub.Audio.Metering;
using BroadcastHub.Audio.Output;
using BroadcastHub.Audio.Pipeline;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Playout.Relay;

namespace BroadcastHub.Playout;

/// <summary>How a playback ended, besides what the output reported.</summary>
public enum PlaybackEnd
{
    /// <summary>The rundown ran out or the session's end cut it.</summary>
    Natural,
    /// <summary>An operator pressed stop.</summary>
    Stopped,
    /// <summary>The station is shutting down.</summary>
    Shutdown,
}

/// <summary>Turns what the output really played into one airtime record per rundown item.</summary>
public sealed class AirtimeRecorder(AirtimeWriter airtime, TimeProvider time)
{
    /// <summary>An item that starts later than this after its planned instant is recorded Late.</summary>
    public static readonly TimeSpan LateThreshold = TimeSpan.FromSeconds(1);

    /// <summary>Records an item that did not air at all.</summary>
    public void NotAired(Occurrence occ, RundownItem item, DateTimeOffset scheduledStart, AirtimeOutcome outcome, string error) =>
        airtime.Write(new AirtimeRecord
        {
            OccurrenceId = occ.Id, Position = item.Position, BulletinId = item.BulletinId, ScheduledStart = scheduledStart,
            PlayedSeconds = 0, Outcome = outcome, Error = error, RecordedAt = time.GetUtcNow(), RelaySourceId = item.Relay?.SourceId,
            OutageSeconds = item.IsRelay ? 0 : null, Outages = item.IsRelay ? 0 : null,
        });

    /// <summary>Records an item whose airing is known only from heartbeats (after a crash).</summary>
    public void Reconstructed(Occurrence occ, RundownItem item, DateTimeOffset scheduledStart, DateTimeOffset actualStart,
        double playedSeconds, AirtimeOutcome outcome, string? error) =>
        airtime.Write(new AirtimeRecord
        {
            OccurrenceId = occ.Id, Position = item.Position, BulletinId = item.BulletinId, ScheduledStart = scheduledStart,
            ActualStart = actualStart, ActualEnd = actualStart.AddSeconds(playedSeconds), PlayedSeconds = playedSeconds,
            Outcome = outcome, Error = error, RecordedAt = time.GetUtcNow(), RelaySourceId = item.Relay?.SourceId,
        });

    /// <summary>Records every played item from the frames the device played, counted in samples.</summary>
    public void Played(Occurrence occ, IReadOnlyList<PlayableItem> items, RundownSampleProvider rundown,
        FrameLimitSampleProvider limit, PlayoutReport report, PlaybackEnd end, string? stopReason = null,
        IReadOnlyList<DeadAirEvent>? deadAir = null, string? note = null, RelayStreams? relays = null)
    {
        var rate = (double)rundown.WaveFormat.SampleRate;
        for (var i = 0; i < items.Count; i++)
        {
            var start = rundown.StartFrameOf(i);
            var endFrame = rundown.EndFrameOf(i);
            var played = start < 0 ? 0 : Math.Clamp(report.FramesPlayed - start, 0, endFrame >= 0 ? endFrame - start : long.MaxValue);
            var complete = start >= 0 && endFrame >= 0 && report.FramesPlayed >= endFrame && rundown.ErrorOf(i) is null;
            var (outcome, error) = Judge(complete, played > 0, rundown.ErrorOf(i), report.Error, end, limit.LimitReached, stopReason ?? "stopped by an operator");
            var actualStart = played > 0 || complete ? report.ActualStart.AddSeconds(start / rate) : (DateTimeOffset?)null;
            var silent = deadAir?.Where(e => start >= 0 && e.SilenceStart < (endFrame >= 0 ? endFrame : long.MaxValue) && e.Position > start).ToList() ?? [];
            if (outcome is AirtimeOutcome.Completed && actualStart is { } began && began - items[i].ScheduledStart > LateThreshold)
                (outcome, error) = (AirtimeOutcome.Late, $"started {(began - items[i].ScheduledStart).TotalSeconds:0.0} s late");
            var record = new AirtimeRecord
            {
                OccurrenceId = occ.Id, Position = items[i].Position, BulletinId = items[i].Bulletin.Id,
                ScheduledStart = items[i].ScheduledStart, ActualStart = actualStart,
                ActualEnd = actualStart?.AddSeconds(played / rate), PlayedSeconds = played / rate,
                Outcome = outcome, Error = Join(note, silent.Count == 0 ? error : DeadAirNote(error, silent, rate)), RecordedAt = time.GetUtcNow(),
            };
            airtime.Write(items[i].Relay is { } source ? RelayRecords.Complete(record, source, relays?.OnAir(items[i].Position), played) : record);
        }
    }

    /// <summary>
    /// How many leading items the device reached before it stopped at <paramref name="framesPlayed"/>: items it
    /// finished, plus the one it cut while on air. The items after them never reached the loudspeakers.
    /// </summary>
    public static int ItemsReached(RundownSampleProvider rundown, long framesPlayed)
    {
        var reached = 0;
        for (var i = 0; i < rundown.Count; i++)
        {
            var start = rundown.StartFrameOf(i);
            var end = rundown.EndFrameOf(i);
            if (start < 0 || !((end >= 0 && end <= framesPlayed) || framesPlayed > start)) break;
            reached = i + 1;
        }
        return reached;
    }

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : first + "; " + second;

    private static string DeadAirNote(string? error, IReadOnlyList<DeadAirEvent> episodes, double rate) =>
        (error is null ? "" : error + "; ")
        + "dead air: " + string.Join(", ", episodes.Select(e => $"{e.Silence.TotalSeconds:0.0} s of silence from {e.SilenceStart / rate:0.0} s"));

    private static (AirtimeOutcome, string?) Judge(bool complete, bool started, string? itemError, string? deviceError, PlaybackEnd end,
        bool limitReached, string stopReason)
    {
        if (itemError is not null) return (AirtimeOutcome.Failed, "decoding failed: " + itemError);
        if (complete) return (AirtimeOutcome.Completed, null);
        if (deviceError is not null) return (AirtimeOutcome.Failed, "output failed: " + deviceError);
        return (end, started) switch
        {
            (PlaybackEnd.Stopped, true) => (AirtimeOutcome.Preempted, stopReason),
            (PlaybackEnd.Stopped, false) => (AirtimeOutcome.Skipped, stopReason + " before this item"),
            (PlaybackEnd.Shutdown, _) => (AirtimeOutcome.Interrupted, "the station was shutting down"),
            (_, true) when limitReached => (AirtimeOutcome.Truncated, "cut at the end of the session"),
            (_, false) when limitReached => (AirtimeOutcome.Skipped, "the session ended before this item"),
            _ => (AirtimeOutcome.Failed, "playback ended before this item finished"),
        };
    }
}
