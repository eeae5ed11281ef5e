using NAudio.Wave;

namespace BroadcastHub.Audio.Output;

/// <summary>
/// Linux ALSA output through <c>libasound.so.2</c>: interleaved <c>SND_PCM_FORMAT_S16_LE</c> (the format every
/// card and plugin accepts; float sources are quantised by <see cref="Pcm16Quantiser"/>), written in 20 ms blocks
/// from a dedicated thread. The first frame's instant is measured with <c>snd_pcm_delay</c> once the stream
/// runs; on stop the frames still queued are dropped and not counted. Device errors end playback with
/// <see cref="StoppedEventArgs.Exception"/> set; they never escape the playback thread.
/// </summary>
/// <param name="device">ALSA PCM name, e.g. <c>default</c>, <c>hw:0,0</c>, <c>plughw:1</c>.</param>
/// <param name="time">The clock.</param>
/// <param name="latency">Buffer latency requested from <c>snd_pcm_set_params</c>; defaults to 100 ms.</param>
public sealed class AlsaWavePlayer(string device, TimeProvider time, TimeSpan? latency = null) : IMeasuredWavePlayer
{
    private readonly TimeSpan bufferLatency = latency ?? TimeSpan.FromMilliseconds(100);
    private volatile bool stopRequested;
    private volatile PlaybackState state = PlaybackState.Stopped;
    private float volume = 1f;
    private Pcm16FrameReader? reader;
    private AlsaPcm? pcm;
    private Thread? thread;

    /// <inheritdoc />
    public event EventHandler<StoppedEventArgs>? PlaybackStopped;

    /// <summary>The ALSA PCM name.</summary>
    public string Device { get; } = device ?? throw new ArgumentNullException(nameof(device));

    /// <inheritdoc />
    public PlaybackState PlaybackState => state;

    /// <inheritdoc />
    public float Volume { get => volume; set => volume = WavePlayerSupport.CheckVolume(value); }

    /// <inheritdoc />
    public WaveFormat OutputWaveFormat => reader?.Format ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Near zero: the stream starts as soon as its buffer is filled, which takes a few milliseconds.</summary>
    public TimeSpan StartLatency => TimeSpan.Zero;

    /// <inheritdoc />
    public DateTimeOffset? FirstFrameAt { get; private set; }

    /// <inheritdoc />
    public DateTimeOffset? LastFrameAt { get; private set; }

    /// <inheritdoc />
    public long FramesPlayed { get; private set; }

    /// <summary>Underruns recovered from during playback.</summary>
    public int Underruns => pcm?.Recoveries ?? 0;

    /// <summary>Whether <paramref name="device"/> opens for playback; <paramref name="error"/> says why not.</summary>
    /// <param name="device">ALSA PCM name.</param>
    /// <param name="error">Why the device cannot be opened, or null.</param>
    public static bool TryProbe(string device, out string? error)
    {
        if (!OperatingSystem.IsLinux())
        {
            error = "ALSA is only available on Linux.";
            return false;
        }

        try
        {
            return AlsaPcm.TryOpen(device, out error);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            error = $"libasound.so.2 is not available: {ex.Message}";
            return false;
        }
    }

    /// <summary>Opens and configures the device (ahead of the start instant).</summary>
    /// <param name="waveProvider">IEEE float or 16-bit PCM audio.</param>
    /// <exception cref="IOException">The device cannot be opened or configured.</exception>
    public void Init(IWaveProvider waveProvider)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("ALSA is only available on Linux.");
        }

        var r = new Pcm16FrameReader(waveProvider);
        pcm = AlsaPcm.Open(Device, r.Format, bufferLatency);
        reader = r;
    }

    /// <inheritdoc />
    public void Play()
    {
        if (reader is null || thread is not null)
        {
            throw new InvalidOperationException(reader is null ? "Not initialised." : "Already played.");
        }

        state = PlaybackState.Playing;
        thread = new Thread(Run) { IsBackground = true, Name = "AlsaWavePlayer", Priority = ThreadPriority.AboveNormal };
        thread.Start();
    }

    /// <summary>Not supported: broadcast playout never pauses.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public void Pause() => throw new NotSupportedException("Playout outputs do not pause.");

    /// <inheritdoc />
    public void Stop() => stopRequested = true;

    /// <inheritdoc />
    public void Dispose()
    {
        stopRequested = true;
        thread?.Join(TimeSpan.FromSeconds(5));
        if (thread is null || !thread.IsAlive)
        {
            pcm?.Dispose();
        }
    }

    private void Run()
    {
        var session = new AlsaPlaybackSession(pcm!, reader!, time);
        Exception? error = null;
        try
        {
            session.Play(() => stopRequested, () => volume, at => FirstFrameAt = at);
        }
        catch (Exception ex)
        {
            error = ex;
        }
        finally
        {
            FirstFrameAt ??= session.FirstFrameAt;
            FramesPlayed = session.FramesPlayed;
            LastFrameAt = time.GetUtcNow();
            var closeError = WavePlayerSupport.Try(pcm!.Dispose);
            state = PlaybackState.Stopped;
            WavePlayerSupport.RaiseStopped(PlaybackStopped, this, error ?? closeError);
        }
    }
}
