using NAudio.Wave;
using NAudio.Wave.SampleProviders;

namespace BroadcastHub.Audio.Output;

/// <summary>One playback of one request on one freshly created player.</summary>
internal sealed class PlayoutRun(IWavePlayer player, TimeProvider time, TimeSpan stopFade)
{
    private static readonly TimeSpan DrainGrace = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);
    private readonly TaskCompletionSource<Exception?> stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Initialises the player, waits for the start instant, plays, and reports what happened.</summary>
    public async Task<PlayoutReport> RunAsync(PlayoutRequest request, CancellationToken cancel)
    {
        var source = new PlayoutSampleSource(request.Source, stopFade);
        player.PlaybackStopped += (_, e) => stopped.TrySetResult(e.Exception);
        player.Init(new SampleToWaveProvider(source));
        var measured = player as IMeasuredWavePlayer;
        var playAt = DateTimeOffset.MinValue;
        try
        {
            await PreciseClock.RunAtAsync(
                time, request.StartAt - (measured?.StartLatency ?? TimeSpan.Zero), () =>
                {
                    playAt = time.GetUtcNow();
                    player.Play();
                }, cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            var now = time.GetUtcNow();
            return new PlayoutReport(now, now, 0, null);
        }

        var error = await WaitStoppedAsync(source, cancel).ConfigureAwait(false);
        return new PlayoutReport(
            measured?.FirstFrameAt ?? playAt,
            measured?.LastFrameAt ?? time.GetUtcNow(),
            measured?.FramesPlayed ?? source.FramesRead,
            error is null ? null : $"Playback failed: {error.Message}",
            RecordingPath);
    }

    private string? RecordingPath => (player as BwfFileWavePlayer)?.Path;

    private async Task<Exception?> WaitStoppedAsync(PlayoutSampleSource source, CancellationToken cancel)
    {
        var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = cancel.Register(() =>
        {
            source.BeginFadeOut();
            stopRequested.TrySetResult();
        });
        var done = stopped.Task;
        if (await Task.WhenAny(done, stopRequested.Task).ConfigureAwait(false) == done)
        {
            return await done.ConfigureAwait(false);
        }

        if (await Task.WhenAny(done, Task.Delay(stopFade + DrainGrace, time)).ConfigureAwait(false) != done)
        {
            player.Stop();
        }

        if (await Task.WhenAny(done, Task.Delay(StopTimeout, time)).ConfigureAwait(false) != done)
        {
            return new TimeoutException("the device did not stop within 5 s.");
        }

        return await done.ConfigureAwait(false);
    }
}
