using NAudio.Wave;

namespace BroadcastHub.Audio.Output;

/// <summary>
/// An <see cref="IPlayoutOutput"/> over any <see cref="IWavePlayer"/>: for each request it creates a player,
/// initialises it ahead of time, waits for <see cref="PlayoutRequest.StartAt"/> minus the device latency
/// (coarse timer, then a spin), starts it and reports what the player measured (see
/// <see cref="IMeasuredWavePlayer"/>; other players are measured at <see cref="IWavePlayer.Play"/>).
/// Cancellation fades out briefly and stops. Requests on one output are played one after another.
/// </summary>
public sealed class WavePlayerOutput : IPlayoutOutput
{
    private readonly Func<PlayoutRequest, IWavePlayer> createPlayer;
    private readonly TimeProvider time;
    private readonly TimeSpan stopFade;
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool disposed;

    /// <summary>Creates the output.</summary>
    /// <param name="description">Human-readable description, e.g. <c>alsa:default</c>.</param>
    /// <param name="format">House format (IEEE float); sources must match its rate and channels.</param>
    /// <param name="createPlayer">Creates a fresh player for a request (it is disposed after the request).</param>
    /// <param name="time">The clock.</param>
    /// <param name="stopFade">Fade on stop, clamped to [1 ms, 500 ms]; defaults to 50 ms.</param>
    /// <param name="state">What the spec resolved to; defaults to this description, no warning.</param>
    public WavePlayerOutput(
        string description, WaveFormat format, Func<PlayoutRequest, IWavePlayer> createPlayer, TimeProvider time,
        TimeSpan? stopFade = null, OutputState? state = null)
    {
        Description = description ?? throw new ArgumentNullException(nameof(description));
        Format = format ?? throw new ArgumentNullException(nameof(format));
        this.createPlayer = createPlayer ?? throw new ArgumentNullException(nameof(createPlayer));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        var fade = stopFade ?? TimeSpan.FromMilliseconds(50);
        this.stopFade = TimeSpan.FromTicks(Math.Clamp(fade.Ticks, TimeSpan.TicksPerMillisecond, 500 * TimeSpan.TicksPerMillisecond));
        State = state ?? new OutputState(description, description, null);
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public WaveFormat Format { get; }

    /// <inheritdoc />
    public OutputState State { get; }

    /// <inheritdoc />
    public async Task<PlayoutReport> PlayAsync(PlayoutRequest request, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (disposed)
        {
            return Failed($"Output {Description} is disposed.");
        }

        try
        {
            await gate.WaitAsync(cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return Failed(null);
        }

        try
        {
            var mismatch = FormatMismatch(request.Source.WaveFormat);
            if (mismatch is not null)
            {
                return Failed(mismatch);
            }

            using var player = createPlayer(request);
            return await new PlayoutRun(player, time, stopFade).RunAsync(request, cancel).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return Failed($"Output {Description} failed: {ex.Message}");
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Refuses further requests; a request in progress finishes normally.</summary>
    public void Dispose() => disposed = true;

    private PlayoutReport Failed(string? error)
    {
        var now = time.GetUtcNow();
        return new PlayoutReport(now, now, 0, error);
    }

    private string? FormatMismatch(WaveFormat source) =>
        source.Encoding == WaveFormatEncoding.IeeeFloat && source.SampleRate == Format.SampleRate
            && source.Channels == Format.Channels
            ? null
            : $"Source format {source} does not match the output's house format {Format}.";
}
