using BroadcastHub.Audio.Output;
using BroadcastHub.Audio.Pipeline;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Playout.Relay;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Playout;

/// <summary>
/// Airs one occurrence: final checks, claim, gapless playback from the exact instant, airtime records. When the output
/// fails to open or fails mid-air, the item on air is recorded Failed with the seconds it played, and the items not yet
/// reached air on the reopened output (<see cref="ZoneOutputs.Retries"/>), else on the fallback, inside the session window.
/// </summary>
public sealed class OccurrenceRunner(
    IPlayoutStore store, RundownItems rundowns, ZoneOutputs outputs, ZoneGate zones, AirtimeRecorder recorder, Heartbeats heartbeats,
    StationClock clock, IOptions<PlayoutOptions> options, RelayAir relayAir, ILogger<OccurrenceRunner> log)
{
    private static readonly TimeSpan Preroll = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan ResumePreroll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxWaitStep = TimeSpan.FromSeconds(1);
    private const double EndFadeSeconds = 3;
    private const int MaxAttempts = 20;

    /// <summary>Waits for the occurrence, then airs it. <paramref name="nowPlaying"/> is told when air starts.</summary>
    public async Task RunAsync(Occurrence occ, Func<string?> stopReason, CancellationToken stop, CancellationToken shutdown, Action<NowPlaying?> nowPlaying)
    {
        // Relay streams open PrerollSeconds ahead of their items, on their own, while this waits.
        using var relays = relayAir.Prepare(occ, rundowns.Planned(occ));
        // Re-read the wall clock at least every second, as the precise clock does: a clock stepped by NTP while the
        // occurrence waits (up to the arm lead, minutes) is followed instead of being found out only at the instant.
        var armedUntil = occ.StartUtc - Preroll;
        for (var wait = armedUntil - clock.UtcNow; wait > TimeSpan.Zero; wait = armedUntil - clock.UtcNow)
            await Task.Delay(wait < MaxWaitStep ? wait : MaxWaitStep, clock.Time, shutdown);

        if (!store.Plays(occ.ZoneId))
        {
            // The zone moved to another station while this one waited: that station airs it (and claims it first).
            log.LogWarning("Occurrence {Id}: zone {Zone} now belongs to another station; not airing it here", occ.Id, occ.ZoneId);
            return;
        }
        var now = clock.UtcNow;
        var grace = TimeSpan.FromSeconds(options.Value.GraceSeconds);
        if (!occ.IsEmergency && (now > occ.StartUtc + grace || now >= occ.EndUtc))
        {
            MarkMissed(occ, now > occ.EndUtc ? "the session had already ended" : $"more than {grace.TotalSeconds:0} s late");
            return;
        }
        if (!store.TryTransition(occ.Id, OccurrenceState.Claimed, now))
        {
            log.LogInformation("Occurrence {Id} was already claimed; not airing it again", occ.Id);
            return;
        }
        var items = await rundowns.PlayableAsync(occ, rundowns.Planned(occ), shutdown);
        if (!occ.IsEmergency && OutsidePolicy(occ, items)) return;
        var startAt = occ.StartUtc > now ? occ.StartUtc : now;
        await AirAsync(occ, items, relays, startAt, Label(occ), stopReason, stop, shutdown, nowPlaying);
    }

    private bool OutsidePolicy(Occurrence occ, IReadOnlyList<PlayableItem> items)
    {
        var policy = store.PolicyFor(occ.CommuneId);
        var start = clock.ToLocal(occ.StartUtc > clock.UtcNow ? occ.StartUtc : clock.UtcNow);
        if (policy.AllowsAirAt(start)) return false;
        foreach (var item in items)
            recorder.NotAired(occ, item.AsRundownItem(occ.Id), item.ScheduledStart, AirtimeOutcome.Skipped,
                $"refused: {start:HH:mm:ss} is outside the allowed broadcast hours {policy.AllowedFrom:HH:mm}–{policy.AllowedTo:HH:mm} of the unit's policy");
        log.LogWarning("Occurrence {Id} refused by the broadcast policy at {Local}", occ.Id, start);
        return true;
    }

    /// <summary>The last instant audio may be on air: the session's end, or the policy's end of allowed hours if earlier.</summary>
    private DateTimeOffset AirEnd(Occurrence occ)
    {
        if (occ.IsEmergency) return occ.EndUtc;
        var policy = store.PolicyFor(occ.CommuneId);
        var allowedEnd = clock.ToUtc(occ.LocalDate, TimeOnly.MinValue) + policy.AllowedUntil;
        return allowedEnd < occ.EndUtc ? allowedEnd : occ.EndUtc;
    }

    /// <summary>Airs what a crash left unaired of an occurrence still inside its window, as soon as possible.</summary>
    public async Task ResumeAsync(Occurrence occ, IReadOnlySet<int> positions, int resumeNumber, Func<string?> stopReason,
        CancellationToken stop, CancellationToken shutdown, Action<NowPlaying?> nowPlaying)
    {
        var planned = rundowns.Planned(occ).Where(p => positions.Contains(p.Item.Position)).ToList();
        using var relays = relayAir.Prepare(occ, planned);
        var items = await rundowns.PlayableAsync(occ, planned, shutdown);
        var startAt = clock.UtcNow + ResumePreroll;
        await AirAsync(occ, items, relays, startAt, $"{Label(occ)}-resume{resumeNumber}", stopReason, stop, shutdown, nowPlaying);
    }

    private async Task AirAsync(Occurrence occ, List<PlayableItem> items, RelayStreams relays, DateTimeOffset startAt, string label, Func<string?> stopReason,
        CancellationToken stop, CancellationToken shutdown, Action<NowPlaying?> nowPlaying)
    {
        if (items.Count == 0) return;
        using var zone = await zones.EnterAsync(occ.ZoneId, shutdown);
        if (clock.UtcNow > startAt) startAt = clock.UtcNow;
        var airEnd = AirEnd(occ);
        if (startAt >= airEnd)
        {
            foreach (var item in items)
                recorder.NotAired(occ, item.AsRundownItem(occ.Id), item.ScheduledStart,
                    AirtimeOutcome.Missed, "not aired: the zone was busy until the session ended");
            return;
        }
        using var both = CancellationTokenSource.CreateLinkedTokenSource(stop, shutdown);
        var failover = new OutputFailover(outputs.Retries);
        (string Output, string Error)? failed = null;
        for (var attempt = 1; ; attempt++)
        {
            var output = failover.OnFallback ? outputs.CreateFallback(occ.ZoneId) : outputs.Create(occ.ZoneId);
            var description = output.Description;
            var note = failed is not { } f ? null
                : failover.OnFallback ? $"output {f.Output} failed ({f.Error}); aired on the fallback output {description}"
                : $"output {f.Output} failed ({f.Error}); aired on {description} after retry {failover.Retry}";
            var suffix = failover.OnFallback ? "-fallback" : failover.Retry > 0 ? $"-retry{failover.Retry}" : "";
            using var chain = BuildChain(occ, items, relays, startAt, airEnd);
            var report = await PlayAsync(occ, items, chain, output, label + suffix, both.Token, nowPlaying);
            var stoppedAt = clock.UtcNow;
            var end = shutdown.IsCancellationRequested ? PlaybackEnd.Shutdown : stop.IsCancellationRequested ? PlaybackEnd.Stopped : PlaybackEnd.Natural;
            if (report.Error is { } error) outputs.ReportError(occ.ZoneId, error);
            else if (failed is null && report.FramesPlayed > 0 && chain.DeadAir.Episodes.Count == 0) outputs.ReportHealthy(occ.ZoneId);
            var again = report.Error is not null && !both.IsCancellationRequested && !chain.Limit.LimitReached
                && clock.UtcNow < airEnd && attempt < MaxAttempts && failover.Next(report.FramesPlayed > 0);
            var reached = again ? AirtimeRecorder.ItemsReached(chain.Rundown, report.FramesPlayed) : items.Count;
            if (reached > 0)
                recorder.Played(occ, items.Take(reached).ToList(), chain.Rundown, chain.Limit, report, end, stopReason(), chain.DeadAir.Episodes, note, relays);
            log.Log(report.Error is null ? LogLevel.Information : LogLevel.Error,
                "Occurrence {Id} aired on {Output} from {Start:O}: {Frames} frames, {Items} items recorded, end {End}, error {Error}",
                occ.Id, description, report.ActualStart, report.FramesPlayed, reached, end, report.Error);
            items = items.Skip(reached).ToList();
            if (!again || items.Count == 0) return;
            failed = (description, report.Error!);
            // The retry delay counts from the failure, not from after the records were written: a slow write (the
            // database busy) must not add to the silence on air.
            var untilRetry = stoppedAt + outputs.RetryDelay - clock.UtcNow;
            if ((!failover.OnFallback || failover.Retry > 0) && untilRetry > TimeSpan.Zero)
                await Task.Delay(untilRetry, clock.Time, CancellationToken.None);
            log.LogWarning("Occurrence {Id}: {Count} items left; trying {Output}", occ.Id, items.Count,
                failover.OnFallback ? $"the fallback output (retry {failover.Retry})" : $"{description} again (retry {failover.Retry})");
            if (clock.UtcNow > startAt) startAt = clock.UtcNow;
        }
    }

    private AiringChain BuildChain(Occurrence occ, IReadOnlyList<PlayableItem> items, RelayStreams relays, DateTimeOffset startAt, DateTimeOffset airEnd)
    {
        var format = outputs.HouseFormat;
        var notBefore = items.Select(i => i.NotBeforeSeconds is { } s
            ? (long?)Math.Max(0, (long)Math.Round((occ.StartUtc.AddSeconds(s) - startAt).TotalSeconds * format.SampleRate)) : null).ToList();
        var loudness = PlayoutLoudness.For(options.Value, occ.ZoneId);
        var rundown = new RundownSampleProvider(format,
            items.Select(i => i.Relay is null ? ItemChain.Open(i.MediaPath, format, i.Bulletin.IntegratedLufs, i.Bulletin.Channels, loudness)
                : () => relays.Chain(i, (long)Math.Round(i.Bulletin.DurationSeconds * format.SampleRate), loudness)).ToList(), notBefore);
        var limit = new FrameLimitSampleProvider(rundown,
            (long)((airEnd - startAt).TotalSeconds * format.SampleRate), (long)(EndFadeSeconds * format.SampleRate));
        return new AiringChain(rundown, limit, new DeadAirWatch(occ, limit, rundown, startAt, options.Value.DeadAir, outputs, clock, log), startAt);
    }

    private async Task<PlayoutReport> PlayAsync(Occurrence occ, IReadOnlyList<PlayableItem> items, AiringChain chain,
        IPlayoutOutput output, string label, CancellationToken cancel, Action<NowPlaying?> nowPlaying)
    {
        using var _ = output;
        using var heartbeat = new CancellationTokenSource();
        nowPlaying(new NowPlaying(occ, items, chain.Rundown, chain.StartAt, output.Description));
        var beating = heartbeats.RunAsync(occ, items, chain.Rundown, chain.StartAt, heartbeat.Token);
        try
        {
            return await output.PlayAsync(new PlayoutRequest(chain.DeadAir.Watch, chain.StartAt, label), cancel);
        }
        finally
        {
            await heartbeat.CancelAsync();
            await beating;
            nowPlaying(null);
        }
    }

    /// <summary>Records every item of a planned occurrence as Missed, once.</summary>
    public void MarkMissed(Occurrence occ, string reason)
    {
        if (!store.TryTransition(occ.Id, OccurrenceState.Missed, clock.UtcNow)) return;
        foreach (var (item, start, _) in rundowns.Planned(occ))
            recorder.NotAired(occ, item, start, AirtimeOutcome.Missed, "not aired: " + reason);
        log.LogWarning("Occurrence {Id} missed: {Reason}", occ.Id, reason);
    }

    private string Label(Occurrence occ) =>
        $"{clock.ToLocal(occ.StartUtc):yyyyMMdd-HHmmss}-occ{occ.Id}";
}
