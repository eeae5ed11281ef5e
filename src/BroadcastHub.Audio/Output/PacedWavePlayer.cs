using NAudio.Wave;

namespace BroadcastHub.Audio.Output;

/// <summary>
/// Base of the virtual devices: consumes audio no faster than a sound card would, one block at a time as the
/// clock advances, on a dedicated thread. Block <c>k</c> is taken when the clock reaches its start instant, and
/// playback ends once the last block's duration has elapsed, so a stop mid-way truncates like real air.
/// </summary>
public abstract class PacedWavePlayer : IMeasuredWavePlayer
{
    private readonly TimeProvider time;
    private readonly TimeSpan block;
    private readonly ManualResetEventSlim stopRequested = new(false);
    private Pcm16FrameReader? reader;
    private Thread? thread;
    private long framesPlayed;
    private volatile PlaybackState state = PlaybackState.Stopped;
    private float volume = 1f;

    /// <summary>Creates the player.</summary>
    /// <param name="time">The clock that paces playback and stamps instants.</param>
    /// <param name="block">Block size; 20–50 ms is typical.</param>
    protected PacedWavePlayer(TimeProvider time, TimeSpan block)
    {
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.block = block > TimeSpan.Zero ? block : throw new ArgumentOutOfRangeException(nameof(block));
    }

    /// <inheritdoc />
    public event EventHandler<StoppedEventArgs>? PlaybackStopped;

    /// <inheritdoc />
    public PlaybackState PlaybackState => state;

    /// <inheritdoc />
    public float Volume
    {
        get => volume;
        set => volume = WavePlayerSupport.CheckVolume(value);
    }

    /// <inheritdoc />
    public WaveFormat OutputWaveFormat => reader?.Format ?? throw new InvalidOperationException("Not initialised.");

    /// <inheritdoc />
    public TimeSpan StartLatency => TimeSpan.Zero;

    /// <inheritdoc />
    public DateTimeOffset? FirstFrameAt { get; private set; }

    /// <inheritdoc />
    public DateTimeOffset? LastFrameAt { get; private set; }

    /// <inheritdoc />
    public long FramesPlayed => Interlocked.Read(ref framesPlayed);

    /// <inheritdoc />
    public void Init(IWaveProvider waveProvider)
    {
        if (reader is not null)
        {
            throw new InvalidOperationException("Already initialised.");
        }

        var r = new Pcm16FrameReader(waveProvider);
        OnInit(r.Format);
        reader = r;
    }

    /// <inheritdoc />
    public void Play()
    {
        if (reader is null || thread is not null)
        {
            throw new InvalidOperationException(reader is null ? "Not initialised." : "Already played.");
        }

        var startTimestamp = time.GetTimestamp();
        FirstFrameAt = time.GetUtcNow();
        state = PlaybackState.Playing;
        thread = new Thread(() => Run(startTimestamp, FirstFrameAt.Value)) { IsBackground = true, Name = GetType().Name };
        thread.Start();
    }

    /// <summary>Not supported: broadcast playout never pauses.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public void Pause() => throw new NotSupportedException("Playout outputs do not pause.");

    /// <inheritdoc />
    public void Stop() => stopRequested.Set();

    /// <inheritdoc />
    public void Dispose()
    {
        stopRequested.Set();
        thread?.Join(TimeSpan.FromSeconds(5));
        if (thread is null)
        {
            OnClose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Called by <see cref="Init"/> with the PCM format blocks will be delivered in.</summary>
    /// <param name="format">16-bit PCM format.</param>
    protected abstract void OnInit(WaveFormat format);

    /// <summary>Called on the playback thread before the first block, with the first frame's instant.</summary>
    /// <param name="firstFrameAt">Measured instant (UTC) of the first frame.</param>
    protected abstract void OnStart(DateTimeOffset firstFrameAt);

    /// <summary>Called on the playback thread with each block as its start instant arrives.</summary>
    /// <param name="samples">Interleaved 16-bit samples (whole frames).</param>
    protected abstract void OnBlock(ReadOnlySpan<short> samples);

    /// <summary>Called exactly once when playback ends (or on dispose if never played); releases resources.</summary>
    protected abstract void OnClose();

    private void Run(long startTimestamp, DateTimeOffset firstFrameAt)
    {
        Exception? error = null;
        try
        {
            var format = reader!.Format;
            var blockFrames = (int)Math.Max(1, format.SampleRate * block.TotalSeconds);
            var pacer = new PlaybackPacer(time, startTimestamp, format.SampleRate, stopRequested);
            OnStart(firstFrameAt);
            pacer.Pump(reader, blockFrames, () => volume, OnBlock, frames => Interlocked.Add(ref framesPlayed, frames));
        }
        catch (Exception ex)
        {
            error = ex;
        }
        finally
        {
            LastFrameAt = firstFrameAt + TimeSpan.FromSeconds((double)FramesPlayed / reader!.Format.SampleRate);
            var closeError = WavePlayerSupport.Try(OnClose);
            error ??= closeError;
            state = PlaybackState.Stopped;
            WavePlayerSupport.RaiseStopped(PlaybackStopped, this, error);
        }
    }
}
