using BroadcastHub.Station.Hosting;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Station.Sync;

/// <summary>
/// Polls the hub every <c>Station:PollSeconds</c>, and at once when the push channel asks (<see cref="Push.SyncTrigger"/>). After a failed round it waits longer each time
/// (<c>Station:RetryFirstSeconds</c>, default 5 s, doubling, at most <c>Station:RetryMaxSeconds</c>, default 5 minutes, or the poll
/// interval, whichever is longer) and never stops the process.
/// </summary>
public sealed class SyncLoop(IServiceProvider services, IOptions<StationOptions> options, Push.SyncTrigger trigger, TimeProvider time, ILogger<SyncLoop> log)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnrolled)
        {
            log.LogInformation("Not enrolled with a hub (BroadcastHub:Hub:Url and StationToken); no sync.");
            return;
        }
        var cycle = services.GetRequiredService<SyncCycle>();
        var station = options.Value.Station;
        var poll = TimeSpan.FromSeconds(station.PollSeconds);
        var (first, max) = (TimeSpan.FromSeconds(station.RetryFirstSeconds), TimeSpan.FromSeconds(station.RetryMaxSeconds));
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            failures = await cycle.RunAsync(stoppingToken) ? 0 : failures + 1;
            // A push wakes a healthy loop at once; after failures the back-off still holds, so a flapping hub is not hammered.
            if (failures == 0 ? !await trigger.WaitAsync(poll, time, stoppingToken) : !await Delay(DelayAfter(failures, poll, first, max), stoppingToken)) return;
        }
    }

    private async Task<bool> Delay(TimeSpan wait, CancellationToken ct)
    {
        try
        {
            await Task.Delay(wait, time, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The wait before the next round after <paramref name="failures"/> failed rounds in a row: <paramref name="first"/> doubling, at most <paramref name="max"/> or <paramref name="poll"/>.</summary>
    public static TimeSpan DelayAfter(int failures, TimeSpan poll, TimeSpan first, TimeSpan max)
    {
        if (failures == 0) return poll;
        var backOff = first * Math.Pow(2, Math.Min(failures - 1, 16));
        var cap = poll > max ? poll : max;
        return backOff < cap ? backOff : cap;
    }
}
