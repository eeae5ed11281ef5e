namespace BroadcastHub.Station.Sync;

/// <summary>One round with the hub: manifest and media, airtime upload, relay recordings' upload, heartbeat. Each step runs even when another failed.</summary>
public sealed class SyncCycle(ManifestSync manifest, AirtimeUploader uploader, RecordingUploader recordings, HeartbeatSender heartbeat, SyncState state, ILogger<SyncCycle> log)
{
    /// <summary>Runs the four steps; true when all succeeded.</summary>
    public async Task<bool> RunAsync(CancellationToken ct)
    {
        var ok = await StepAsync("sync", () => manifest.SyncOnceAsync(ct), ct);
        ok &= await StepAsync("airtime upload", () => uploader.UploadPendingAsync(ct), ct);
        ok &= await StepAsync("recording upload", () => recordings.UploadPendingAsync(ct), ct);
        ok &= await StepAsync("heartbeat", () => heartbeat.SendAsync(ct), ct);
        return ok;
    }

    private async Task<bool> StepAsync(string name, Func<Task> step, CancellationToken ct)
    {
        try
        {
            await step();
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("Station {Step} failed; keeping the local data and retrying: {Reason}", name, e.Message);
            if (e is not HttpRequestException and not HubRefusedException) state.Failed($"{name}: {e.Message}", unreachable: false);
            return false;
        }
    }
}
