using NAudio.Wave;

namespace BroadcastHub.Playout.Relay;

/// <summary>
/// One relay item: exactly <see cref="Frames"/> frames (the booked length), live audio from the stream whenever it is
/// there, else the fill (the evergreen playlist's items or the fill bulletin, in turn; silence when there is none),
/// back to live as soon as the stream returns. Every frame not from the stream counts as outage seconds.
/// </summary>
public sealed class RelayItemProvider : ISampleProvider, IDisposable
{
    private const double OutageEndsAfterLiveSeconds = 0.5;
    private readonly LiveStream _stream;
    private readonly IReadOnlyList<Func<ISampleProvider>> _fills;
    private readonly int _channels;
    private ISampleProvider? _fill;
    private int _nextFill;
    private readonly List<(long Start, long End)> _runs = [];
    private readonly List<long> _episodes = [];
    private long _liveRun;
    private long _outageStart;
    private bool _counted;
    private int _connectionsLive;
    private bool _inOutage;

    /// <summary>Airs <paramref name="frames"/> frames of <paramref name="stream"/> (<see cref="long.MaxValue"/>: until cut).</summary>
    public RelayItemProvider(LiveStream stream, long frames, IReadOnlyList<Func<ISampleProvider>> fills)
    {
        (_stream, Frames, _fills) = (stream, frames, fills);
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
            Fill(buffer[live..wanted]);
            OutageFrames += (wanted - live) / _channels;
        }
        else if (_inOutage && (_liveRun += frames) >= OutageEndsAfterLiveSeconds * WaveFormat.SampleRate)
            _inOutage = false;
        if (live > 0) _connectionsLive = _stream.Connections;
        Position += frames;
        return wanted;
    }

    private void Fill(Span<float> buffer)
    {
        var count = buffer.Length;
        var done = 0;
        for (var tries = 0; done < count && tries <= _fills.Count; tries++)
        {
            if (_fill is null)
            {
                if (_fills.Count == 0) break;
                _fill = _fills[_nextFill++ % _fills.Count]();
            }
            var n = _fill.Read(buffer[done..]);
            done += n;
            if (n == 0 || done < count) DisposeFill();
        }
        buffer[done..].Clear();
    }

    private void DisposeFill()
    {
        (_fill as IDisposable)?.Dispose();
        _fill = null;
    }

    /// <summary>Closes the fill; the stream belongs to the caller.</summary>
    public void Dispose() => DisposeFill();
}
