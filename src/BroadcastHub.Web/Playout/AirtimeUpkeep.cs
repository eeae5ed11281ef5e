using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Playout;

/// <summary>
/// Every few seconds: retries airtime writes the database refused. Every minute: signs a checkpoint of the airtime
/// chain when one is due (hourly with new records), and deletes recordings older than the retention setting.
/// </summary>
public sealed class AirtimeUpkeep(
    AirtimeWriter writer, AirtimeCheckpoints checkpoints, IOptions<AirtimeOptions> options, IOptions<BroadcastHubOptions> hub,
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
            var deleted = RecordingRetention.Prune(hub.Value.RecordingsPath, options.Value.RecordingRetentionDays, time.GetUtcNow());
            if (deleted > 0) log.LogInformation("Deleted {Count} recordings older than {Days} days", deleted, options.Value.RecordingRetentionDays);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            log.LogWarning(e, "Airtime upkeep failed this time; it runs again in a minute");
        }
    }
}

/// <summary>Deletes what the file output recorded under <c>air/</c> once it is older than the retention period.</summary>
public static class RecordingRetention
{
    /// <summary>
    /// Deletes files under <paramref name="folder"/> last written more than <paramref name="days"/> days before
    /// <paramref name="now"/> (none when <paramref name="days"/> is 0 or less), and folders left empty. Returns how many
    /// files went. Running it twice changes nothing more.
    /// </summary>
    public static int Prune(string folder, int days, DateTimeOffset now)
    {
        if (days <= 0 || !Directory.Exists(folder)) return 0;
        var cutoff = now.UtcDateTime.AddDays(-days);
        var deleted = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            if (file.LastWriteTimeUtc >= cutoff) continue;
            file.Delete();
            deleted++;
        }
        foreach (var dir in new DirectoryInfo(folder).EnumerateDirectories("*", SearchOption.AllDirectories).OrderByDescending(d => d.FullName.Length))
            if (!dir.EnumerateFileSystemInfos().Any()) dir.Delete();
        return deleted;
    }
}
