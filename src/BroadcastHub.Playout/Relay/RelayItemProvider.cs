using NAudio.Wave;

namespace BroadcastHub.Playout.Relay;

/// <summary>
/// One relay item: exactly <see cref="Frames"/> frames (the booked length), live audio from the stream whenever it is
/// there, else the <see cref="RelayFill"/> (the commune's evergreen playlist, else the fill bulletin, else silence), back
/// to live as soon as the stream returns (the fill fading out under it). Every frame not from the stream counts as outage seconds.
/// </summary>
public sealed class RelayItemProvider : ISampleProvider, IDisposable
{
    private const double OutageEndsAfterLiveSeconds = 0.5;
    private readonly LiveStream _stream;
    private readonly RelayFill _fill;
    private readonly int _channels;
    private readonly List<(long Start, long End)> _runs = [];
    private readonly List<long> _episodes = [];
    private long _liveRun;
    private long _outageStart;
    private bool _counted;
    private int _connectionsLive;
    private bool _inOutage;

    /// <summary>
    /// Airs <paramref name="frames"/> frames of <paramref name="stream"/> (<see cref="long.MaxValue"/>: until cut), with
    /// <paramref name="fill"/> in its gaps (the stream and the fill belong to the caller).
    /// </summary>
    public RelayItemProvider(LiveStream stream, long frames, RelayFill fill)
    {
        (_stream, Frames, _fill) = (stream, frames, fill);
        _connectionsLive = stream.Connections;
        WaveFormat = stream.WaveFormat;
        _channels = WaveFormat.Channels;
    }

    /// <inheritdoc />
    public WaveFormat WaveFormat { get; }

    /// <summary>The booked length in frames.</summary>
    public long Frames { get; }

    /// <summary>Frames handed out so far.</summary>
    public long Position { get; private set; }

    /// <summary>Frames handed out that were not from the stream.</summary>
    public long OutageFrames { get; private set; }

    /// <summary>
    /// How many times the stream went away while on air (its connection lost, or none at the start; a return shorter
    /// than 0.5 s does not end an outage). A jitter buffer running dry on a live connection adds outage seconds only.
    /// </summary>
    public int Outages
    {
        get { lock (_runs) return _episodes.Count; }
    }

    /// <summary>Seconds handed out that were not from the stream.</summary>
    public double OutageSeconds => OutageFrames / (double)WaveFormat.SampleRate;

    /// <summary>Outage seconds and count among the first <paramref name="frames"/> frames (what the device played).</summary>
    public (double Seconds, int Count) OutageUpTo(long frames)
    {
        lock (_runs)
            return (_runs.Sum(r => Math.Max(0, Math.Min(r.End, frames) - r.Start)) / (double)WaveFormat.SampleRate,
                _episodes.Count(e => e < frames));
    }

    /// <summary>When each outage among the first <paramref name="frames"/> frames began, in seconds from the item's start.</summary>
    public IReadOnlyList<double> OutageStartsUpTo(long frames)
    {
        lock (_runs) return _episodes.Where(e => e < frames).Select(e => e / (double)WaveFormat.SampleRate).ToList();
    }

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        var frames = (int)Math.Min(buffer.Length / _channels, Frames - Position);
        if (frames <= 0) return 0;
        var wanted = frames * _channels;
        var live = _stream.Read(buffer[..wanted]);
        if (live > 0) _fill.Live(buffer[..live]);
        if (live < wanted)
        {
            var gapStart = Position + live / _channels;
            lock (_runs)
            {
                if (!_inOutage) (_inOutage, _outageStart, _counted) = (true, gapStart, false);
                // An outage is the stream going away (its connection lost or replaced), not the jitter buffer running dry.
                if (!_counted && (!_stream.Connected || _stream.Connections != _connectionsLive))
                {
                    _counted = true;
                    _episodes.Add(_outageStart);
                }
                if (_runs.Count > 0 && _runs[^1].End == gapStart) _runs[^1] = (_runs[^1].Start, Position + frames);
                else _runs.Add((gapStart, Position + frames));
            }
            _liveRun = 0;
            _fill.Fill(buffer[live..wanted]);
            OutageFrames += (wanted - live) / _channels;
        }
        else if (_inOutage && (_liveRun += frames) >= OutageEndsAfterLiveSeconds * WaveFormat.SampleRate)
            _inOutage = false;
        if (live > 0) _connectionsLive = _stream.Connections;
        Position += frames;
        return wanted;
    }

    /// <summary>Nothing to close: the stream and the fill belong to the caller.</summary>
    public void Dispose()
    {
    }
}
