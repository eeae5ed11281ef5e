using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Playout.Relay;

/// <summary>
/// At start and then every hour: deletes relay recordings (<c>air/relay</c>) older than
/// <c>BroadcastHub:Relay:RecordingRetentionDays</c>. Their airtime records stay; the recording link then answers
/// <c>recording_not_found</c>. A recording an <see cref="IRelayRecordingHold"/> holds (not yet uploaded) stays.
/// </summary>
public sealed class RelayRecordingUpkeep(IOptions<RelayOptions> relay, IOptions<PlayoutOptions> playout, TimeProvider time,
    IEnumerable<IRelayRecordingHold> holds, ILogger<RelayRecordingUpkeep> log) : BackgroundService
{
    /// <summary>Time between two runs.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    /// <summary>Deletes what is past retention now; returns how many files went.</summary>
    public int PruneNow()
    {
        var days = relay.Value.RecordingRetentionDays;
        try
        {
            var held = holds.SelectMany(h => h.HeldPaths()).Select(p => Path.GetFullPath(Path.Combine(playout.Value.FullDataPath, p))).ToHashSet(StringComparer.Ordinal);
            var deleted = RecordingRetention.Prune(RelayRecordingPaths.Root(playout.Value.RecordingsPath), days, time.GetUtcNow(), held: held.Contains);
            if (deleted > 0) log.LogInformation("Deleted {Count} relay recordings older than {Days} days", deleted, days);
            return deleted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogWarning(e, "Relay recording retention failed this time; it runs again in an hour");
            return 0;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            PruneNow();
            try
            {
                await Task.Delay(Every, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
