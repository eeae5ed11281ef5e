using System.Collections.Concurrent;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BroadcastHub.Playout;

/// <summary>
/// The station engine. Its host wakes it ("arm occurrence N") a few minutes ahead (Hangfire on the hub, the agent's own
/// arming loop on a station PC); it then owns the timing and
/// the output, and starts the first sample on the instant itself. Every method is idempotent.
/// </summary>
public sealed class PlayoutEngine(IPlayoutStore store, IServiceProvider services, StationClock clock,
    ILogger<PlayoutEngine> log) : IHostedService
{
    private delegate Task Airing(OccurrenceRunner runner, Func<string?> stopReason, CancellationToken stop, CancellationToken shutdown,
        Action<NowPlaying?> nowPlaying);

    private sealed record Armed(Occurrence Occurrence, CancellationTokenSource Stop, Task Run)
    {
        public string? StopReason { get; set; }
    }

    private readonly ConcurrentDictionary<long, Armed> _armed = new();
    private readonly ConcurrentDictionary<long, NowPlaying> _playing = new();
    private readonly CancellationTokenSource _shutdown = new();

    /// <summary>"running" or "stopping".</summary>
    public string State => _shutdown.IsCancellationRequested ? "stopping" : "running";

    /// <summary>Occurrences armed and waiting for their instant (or airing).</summary>
    public IReadOnlyList<Occurrence> ArmedOccurrences => _armed.Values.Select(a => a.Occurrence).OrderBy(o => o.StartUtc).ToList();

    /// <summary>What each zone airs now.</summary>
    public IReadOnlyDictionary<long, NowPlaying> Playing => _playing;

    /// <summary>Raised with a zone's id when what it airs starts or ends (the live dashboard listens).</summary>
    public event Action<long>? PlayingChanged;

    /// <summary>Arms an occurrence: from now on the engine will air it at its instant. Repeated calls do nothing.</summary>
    public void Arm(long occurrenceId)
    {
        var occ = store.FindOccurrence(occurrenceId);
        if (occ is null || occ.State != OccurrenceState.Planned || !OwnZone(occ)) return;
        if (Start(occ, (runner, reason, stop, shutdown, playing) => runner.RunAsync(occ, reason, stop, shutdown, playing)))
            log.LogInformation("Armed occurrence {Id} for {Start:O} on zone {Zone}", occ.Id, occ.StartUtc, occ.ZoneId);
    }

    /// <summary>Airs an emergency occurrence at once, preempting (with a short fade) whatever its zone is airing.</summary>
    public void PlayEmergency(long occurrenceId)
    {
        var occ = store.FindOccurrence(occurrenceId);
        if (occ is null || !occ.IsEmergency || occ.State != OccurrenceState.Planned || !OwnZone(occ)) return;
        StopZone(occ.ZoneId, "preempted by an emergency bulletin");
        if (Start(occ, (runner, reason, stop, shutdown, playing) => runner.RunAsync(occ, reason, stop, shutdown, playing)))
            log.LogWarning("Emergency occurrence {Id} on zone {Zone}", occ.Id, occ.ZoneId);
    }

    /// <summary>Stops what a zone is airing (dừng phát). Returns false when nothing was airing there.</summary>
    public bool StopZone(long zoneId, string reason = "stopped by an operator")
    {
        if (!_playing.TryGetValue(zoneId, out var now)) return false;
        if (!_armed.TryGetValue(now.Occurrence.Id, out var armed)) return false;
        armed.StopReason = reason;
        armed.Stop.Cancel();
        log.LogWarning("Zone {Zone}: occurrence {Id} {Reason}", zoneId, now.Occurrence.Id, reason);
        return true;
    }

    /// <summary>Finishes the records of occurrences a crash cut off and resumes those still inside their window.</summary>
    public int Recover()
    {
        using var scope = services.CreateScope();
        var resumes = scope.ServiceProvider.GetRequiredService<CrashRecovery>().Recover(_armed.ContainsKey);
        foreach (var plan in resumes)
            Start(plan.Occurrence, (runner, reason, stop, shutdown, playing) =>
                runner.ResumeAsync(plan.Occurrence, plan.Positions, plan.ResumeNumber, reason, stop, shutdown, playing));
        return resumes.Count;
    }

    /// <summary>A job that reached the wrong station (queue misconfigured) must not make this PC play another's zone.</summary>
    private bool OwnZone(Occurrence occ)
    {
        if (store.Plays(occ.ZoneId)) return true;
        log.LogWarning("Occurrence {Id} is for zone {Zone}, which this station does not play; ignored", occ.Id, occ.ZoneId);
        return false;
    }

    private bool Start(Occurrence occ, Airing airing)
    {
        if (_shutdown.IsCancellationRequested) return false;
        var stop = new CancellationTokenSource();
        var release = new TaskCompletionSource<Armed>(TaskCreationOptions.RunContinuationsAsynchronously);
        var armed = new Armed(occ, stop, RunWhenReleasedAsync(release.Task, occ, stop, airing));
        if (!_armed.TryAdd(occ.Id, armed))
        {
            release.SetCanceled();
            return false;
        }
        release.SetResult(armed);
        return true;
    }

    private async Task RunWhenReleasedAsync(Task<Armed> release, Occurrence occ, CancellationTokenSource stop, Airing airing)
    {
        Armed armed;
        try
        {
            armed = await release;
        }
        catch (OperationCanceledException)
        {
            stop.Dispose();
            return;
        }
        try
        {
            using var scope = services.CreateScope();
            await airing(scope.ServiceProvider.GetRequiredService<OccurrenceRunner>(), () => armed.StopReason, stop.Token, _shutdown.Token, playing =>
            {
                if (playing is not null) _playing[occ.ZoneId] = playing;
                else if (_playing.TryGetValue(occ.ZoneId, out var current) && current.Occurrence.Id == occ.Id)
                    _playing.TryRemove(new KeyValuePair<long, NowPlaying>(occ.ZoneId, current));
                PlayingChanged?.Invoke(occ.ZoneId);
            });
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            log.LogError(e, "Occurrence {Id} failed in the engine", occ.Id);
        }
        finally
        {
            _armed.TryRemove(occ.Id, out _);
            stop.Dispose();
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Recover();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _shutdown.CancelAsync();
        var runs = _armed.Values.Select(a => a.Run).ToArray();
        await Task.WhenAny(Task.WhenAll(runs), Task.Delay(TimeSpan.FromSeconds(5), clock.Time, cancellationToken));
    }
}
