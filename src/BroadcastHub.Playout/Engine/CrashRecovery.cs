using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using Microsoft.Extensions.Logging;

namespace BroadcastHub.Playout;

/// <summary>What a crash left to air of one occurrence, and which resume this is.</summary>
public sealed record ResumePlan(Occurrence Occurrence, IReadOnlySet<int> Positions, int ResumeNumber);

/// <summary>
/// At start-up, finishes the airtime of occurrences a crash or power cut cut off. From the last heartbeat: items
/// before the one on air aired in full (the rundown is gapless, so their instants follow exactly); the item on air
/// is <see cref="AirtimeOutcome.Interrupted"/> with the seconds up to the last heartbeat; the rest resume now if the
/// session is still open, else they are <see cref="AirtimeOutcome.Missed"/>. Nothing is aired twice. Only occurrences
/// that ended within <see cref="Lookback"/> are read, so start-up does not grow with the history.
/// </summary>
public sealed class CrashRecovery(
    IPlayoutStore store, AirtimeWriter writer, AirtimeRecorder recorder, RundownItems rundowns, StationClock clock, ILogger<CrashRecovery> log)
{
    /// <summary>How far back an occurrence's end may lie for recovery to finish its airtime.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(7);

    private static readonly TimeSpan MinimumLeft = TimeSpan.FromSeconds(5);

    /// <summary>Recovers every claimed occurrence with unrecorded items, except those <paramref name="isAiring"/> now.</summary>
    public IReadOnlyList<ResumePlan> Recover(Func<long, bool> isAiring)
    {
        var resumes = new List<ResumePlan>();
        foreach (var occ in store.ClaimedEndingAfter(clock.UtcNow - Lookback).Where(o => !isAiring(o.Id) && store.Plays(o.ZoneId)))
        {
            var recorded = store.RecordedPositions(occ.Id).Union(writer.PendingPositions(occ.Id)).ToHashSet();
            var open = rundowns.Planned(occ).Where(p => !recorded.Contains(p.Item.Position)).ToList();
            if (open.Count == 0) continue;
            var beat = store.Progress(occ.Id);
            var left = new HashSet<int>();
            foreach (var planned in open)
            {
                if (beat is { Position: { } onAir, ItemStartedAt: { } since } && planned.Item.Position <= onAir)
                    RecordCut(occ, planned, open, onAir, since, beat.HeartbeatAt ?? since);
                else
                    left.Add(planned.Item.Position);
            }
            if (left.Count == 0) continue;
            if (occ.EndUtc - clock.UtcNow > MinimumLeft && store.TryBeginResume(occ.Id, beat.ResumeCount))
            {
                resumes.Add(new ResumePlan(occ, left, beat.ResumeCount + 1));
                log.LogWarning("Occurrence {Id} was cut by a crash; {Count} items resume now", occ.Id, left.Count);
                continue;
            }
            foreach (var planned in open.Where(o => left.Contains(o.Item.Position)))
                recorder.NotAired(occ, planned.Item, planned.Start, AirtimeOutcome.Missed, "not aired: the station was down until the session ended");
            log.LogWarning("Occurrence {Id} was cut by a crash; {Count} items missed", occ.Id, left.Count);
        }
        return resumes;
    }

    private void RecordCut(Occurrence occ, PlannedItem planned, IReadOnlyList<PlannedItem> open, int onAir, DateTimeOffset since, DateTimeOffset heartbeat)
    {
        if (planned.Item.Position == onAir)
        {
            recorder.Reconstructed(occ, planned.Item, planned.Start, since, Math.Clamp((heartbeat - since).TotalSeconds, 0, planned.Seconds),
                AirtimeOutcome.Interrupted, "the station stopped (crash or power cut) while this item was on air");
            return;
        }
        var secondsBefore = open.Where(p => p.Item.Position >= planned.Item.Position && p.Item.Position < onAir).Sum(p => p.Seconds);
        recorder.Reconstructed(occ, planned.Item, planned.Start, since.AddSeconds(-secondsBefore), planned.Seconds,
            AirtimeOutcome.Completed, "reconstructed after a crash from the engine's heartbeats");
    }
}
