using System.Collections.Concurrent;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Web.Playout;

/// <summary>
/// The station engine. Hangfire wakes it ("arm occurrence N") a few minutes ahead; it then owns the timing and
/// the output, and starts the first sample on the instant itself. Every method is idempotent.
/// </summary>
public sealed class PlayoutEngine(OccurrenceRepository occurrences, IServiceProvider services, StationClock clock,
    ILogger<PlayoutEngine> log) : IHostedService
{
    private delegate Task Airing(OccurrenceRunner runner, CancellationToken stop, CancellationToken shutdown, Action<NowPlaying?> nowPlaying);

    private sealed record Armed(Occurrence Occurrence, CancellationTokenSource Stop, Task Run);

    private readonly ConcurrentDictionary<long, Armed> _armed = new();
    private readonly ConcurrentDictionary<long, NowPlaying> _playing = new();
    private readonly CancellationTokenSource _shutdown = new();

    /// <summary>"running" or "stopping".</summary>
    public string State => _shutdown.IsCancellationRequested ? "stopping" : "running";

    /// <summary>Occurrences armed and waiting for their instant (or airing).</summary>
    public IReadOnlyList<Occurrence> ArmedOccurrences => _armed.Values.Select(a => a.Occurrence).OrderBy(o => o.StartUtc).ToList();

    /// <summary>What each zone airs now.</summary>
    public IReadOnlyDictionary<long, NowPlaying> Playing => _playing;

    /// <summary>Arms an occurrence: from now on the engine will air it at its instant. Repeated calls do nothing.</summary>
    public void Arm(long occurrenceId)
    {
        var occ = occurrences.Find(occurrenceId);
        if (occ is null || occ.State != OccurrenceState.Planned) return;
        if (Start(occ, (runner, stop, shutdown, playing) => runner.RunAsync(occ, stop, shutdown, playing)))
            log.LogInformation("Armed occurrence {Id} for {Start:O} on zone {Zone}", occ.Id, occ.StartUtc, occ.ZoneId);
    }

    /// <summary>Stops what a zone is airing (dừng phát). Returns false when nothing was airing there.</summary>
    public bool StopZone(long zoneId)
    {
        if (!_playing.TryGetValue(zoneId, out var now)) return false;
        if (_armed.TryGetValue(now.Occurrence.Id, out var armed)) armed.Stop.Cancel();
        return true;
    }

    /// <summary>Finishes the records of occurrences a crash cut off and resumes those still inside their window.</summary>
    public int Recover()
    {
        using var scope = services.CreateScope();
        var resumes = scope.ServiceProvider.GetRequiredService<CrashRecovery>().Recover(_armed.ContainsKey);
        foreach (var plan in resumes)
            Start(plan.Occurrence, (runner, stop, shutdown, playing) =>
                runner.ResumeAsync(plan.Occurrence, plan.Positions, plan.ResumeNumber, stop, shutdown, playing));
        return resumes.Count;
    }

    private bool Start(Occurrence occ, Airing airing)
    {
        if (_shutdown.IsCancellationRequested) return false;
        var stop = new CancellationTokenSource();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_armed.TryAdd(occ.Id, new Armed(occ, stop, RunWhenReleasedAsync(release.Task, occ, stop, airing))))
        {
            release.SetCanceled();
            return false;
        }
        release.SetResult();
        return true;
    }

    private async Task RunWhenReleasedAsync(Task release, Occurrence occ, CancellationTokenSource stop, Airing airing)
    {
        try
        {
            await release;
        }
        catch (OperationCanceledException)
        {
            stop.Dispose();
            return;
        }
        try
        {
            using var scope = services.CreateScope();
            await airing(scope.ServiceProvider.GetRequiredService<OccurrenceRunner>(), stop.Token, _shutdown.Token, playing =>
            {
                if (playing is null) _playing.TryRemove(occ.ZoneId, out _);
                else _playing[occ.ZoneId] = playing;
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
