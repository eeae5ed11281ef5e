using NAudio.Wave;

namespace BroadcastHub.Audio.Metering;

/// <summary>
/// Dead-air detector: passes audio through untouched (bit-exact, same frame count) while metering it. A frame is
/// audible when any channel's absolute sample value is at or above the threshold (default −50 dBFS). When
/// <see cref="Span"/> of consecutive inaudible frames has passed while <see cref="Expected"/> is true,
/// <see cref="DeadAirStarted"/> is raised once; when sound returns (or <see cref="Expected"/> turns false)
/// <see cref="DeadAirEnded"/> is raised and the watch re-arms. Events are raised on the reading (audio) thread,
/// in the middle of <see cref="Read"/>: handlers must be quick and must not block.
/// </summary>
public sealed class SilenceWatchSampleProvider : ISampleProvider
{
    private readonly ISampleProvider _source;
    private readonly int _channels;
    private readonly float _threshold;
    private readonly Func<bool>? _expectedNow;
    private volatile bool _expected = true;
    private bool _watching = true;
    private long _silenceStart = -1;

    /// <summary>Wraps <paramref name="source"/>.</summary>
    /// <param name="source">The audio going to the output.</param>
    /// <param name="thresholdDbfs">Level below which audio counts as silence, dBFS; default −50.</param>
    /// <param name="span">How long silence may last before it is dead air; default 10 s.</param>
    /// <param name="expectedNow">
    /// Optional: asked once per <see cref="Read"/>, after the source was read, whether that block should be audible
    /// (e.g. false while a rundown waits for an item's "not before" instant); combined with <see cref="Expected"/>.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">The span is not positive.</exception>
    public SilenceWatchSampleProvider(
        ISampleProvider source, double thresholdDbfs = -50, TimeSpan? span = null, Func<bool>? expectedNow = null)
    {
        _expectedNow = expectedNow;
        _source = source ?? throw new ArgumentNullException(nameof(source));
        var s = span ?? TimeSpan.FromSeconds(10);
        if (s <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(span), s, "The span must be positive.");
        _channels = source.WaveFormat.Channels;
        _threshold = (float)Math.Pow(10, thresholdDbfs / 20);
        ThresholdDbfs = thresholdDbfs;
        Span = s;
        SpanFrames = Math.Max(1, (long)Math.Round(s.TotalSeconds * source.WaveFormat.SampleRate));
    }

    /// <summary>
    /// Raised once per episode, on the first silent frame beyond <see cref="Span"/>: at position
    /// <see cref="DeadAirEvent.SilenceStart"/> + <see cref="SpanFrames"/>.
    /// </summary>
    public event EventHandler<DeadAirEvent>? DeadAirStarted;

    /// <summary>Raised when an episode ends: sound returned, or <see cref="Expected"/> was turned off.</summary>
    public event EventHandler<DeadAirEvent>? DeadAirEnded;

    /// <summary>Level below which audio counts as silence, dBFS.</summary>
    public double ThresholdDbfs { get; }

    /// <summary>How long silence may last before it is dead air.</summary>
    public TimeSpan Span { get; }

    /// <summary><see cref="Span"/> in frames.</summary>
    public long SpanFrames { get; }

    /// <summary>
    /// Whether audio should be audible now (default true). Set it false around intended silence (a configured
    /// gap, a pause between sessions): silence is then not counted, an episode in progress ends, and counting
    /// restarts from the position where it is set true again. May be set from any thread.
    /// </summary>
    public bool Expected { get => _expected; set => _expected = value; }

    /// <summary>Frames passed through so far.</summary>
    public long Position { get; private set; }

    /// <summary>True from <see cref="DeadAirStarted"/> until <see cref="DeadAirEnded"/>.</summary>
    public bool IsDeadAir { get; private set; }

    /// <summary>Where the current run of silence began, or null while the audio is audible.</summary>
    public long? SilenceStart => _silenceStart >= 0 ? _silenceStart : null;

    /// <summary>Dead-air episodes detected so far.</summary>
    public int Episodes { get; private set; }

    /// <inheritdoc />
    public WaveFormat WaveFormat => _source.WaveFormat;

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        var n = _source.Read(buffer);
        if (!_expected || _expectedNow?.Invoke() == false)
        {
            StopWatching();
            Position += n / _channels;
            return n;
        }

        if (!_watching) (_watching, _silenceStart) = (true, Position);
        for (var i = 0; i + _channels <= n; i += _channels, Position++)
        {
            if (Audible(buffer.Slice(i, _channels))) Sound();
            else if (_silenceStart < 0) _silenceStart = Position;
            else if (!IsDeadAir && Position - _silenceStart + 1 > SpanFrames) Start();
        }

        return n;
    }

    private bool Audible(ReadOnlySpan<float> frame)
    {
        foreach (var x in frame)
            if (Math.Abs(x) >= _threshold) return true;
        return false;
    }

    private void Sound()
    {
        if (IsDeadAir) End(Position);
        _silenceStart = -1;
    }

    private void Start()
    {
        IsDeadAir = true;
        Episodes++;
        DeadAirStarted?.Invoke(this, new DeadAirEvent(_silenceStart, Position, WaveFormat.SampleRate));
    }

    private void End(long position)
    {
        IsDeadAir = false;
        DeadAirEnded?.Invoke(this, new DeadAirEvent(_silenceStart, position, WaveFormat.SampleRate));
    }

    private void StopWatching()
    {
        if (IsDeadAir) End(Position);
        (_watching, _silenceStart) = (false, -1);
    }
}
