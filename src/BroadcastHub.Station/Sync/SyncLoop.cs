using BroadcastHub.Station.Hosting;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Station.Sync;

/// <summary>
/// Polls the hub every <c>Station:PollSeconds</c> (push comes later). After a failed round it waits longer each time
/// (5 s doubling, at most 5 minutes or the poll interval, whichever is longer) and never stops the process.
/// </summary>
public sealed class SyncLoop(IServiceProvider services, IOptions<StationOptions> options, TimeProvider time, ILogger<SyncLoop> log) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnrolled)
        {
            log.LogInformation("Not enrolled with a hub (BroadcastHub:Hub:Url and StationToken); no sync.");
            return;
        }
        var cycle = services.GetRequiredService<SyncCycle>();
        var poll = TimeSpan.FromSeconds(options.Value.Station.PollSeconds);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            failures = await cycle.RunAsync(stoppingToken) ? 0 : failures + 1;
            try { await Task.Delay(DelayAfter(failures, poll), time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>The wait before the next round after <paramref name="failures"/> failed rounds in a row.</summary>
    public static TimeSpan DelayAfter(int failures, TimeSpan poll)
    {
        if (failures == 0) return poll;
        var backOff = FirstRetry * Math.Pow(2, Math.Min(failures - 1, 16));
        var cap = poll > MaxRetry ? poll : MaxRetry;
        return backOff < cap ? backOff : cap;
    }
}
