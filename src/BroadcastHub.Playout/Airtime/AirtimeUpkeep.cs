using BroadcastHub.Playout.Relay;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Playout;

/// <summary>
/// Every few seconds: retries airtime writes the database refused. Every minute: signs a checkpoint of the airtime
/// chain when one is due (hourly with new records), and deletes recordings older than the retention setting.
/// </summary>
public sealed class AirtimeUpkeep(
    AirtimeWriter writer, IAirtimeCheckpoint checkpoints, IOptions<AirtimeOptions> options, IOptions<PlayoutOptions> playout,
    TimeProvider time, ILogger<AirtimeUpkeep> log) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ticks = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            writer.RetryIfDue();
            if (ticks++ % 60 == 0) Minutely();
            try
            {
                await Task.Delay(Tick, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Minutely()
    {
        try
        {
            checkpoints.SignIfDue(options.Value.CheckpointEveryRecords, TimeSpan.FromMinutes(options.Value.CheckpointEveryMinutes));
            var deleted = RecordingRetention.Prune(playout.Value.RecordingsPath, options.Value.RecordingRetentionDays, time.GetUtcNow(), RelayRecordingPaths.Folder);
            if (deleted > 0) log.LogInformation("Deleted {Count} recordings older than {Days} days", deleted, options.Value.RecordingRetentionDays);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            log.LogWarning(e, "Airtime upkeep failed this time; it runs again in a minute");
        }
    }
}

