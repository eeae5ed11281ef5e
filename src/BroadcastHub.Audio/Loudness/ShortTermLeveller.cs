using NAudio.Wave;

namespace BroadcastHub.Audio.Loudness;

/// <summary>
/// A gentle leveller for live speech whose loudness cannot be measured ahead (a relayed stream). Every 100 ms it
/// measures the gated K-weighted short-term loudness of the last 3 s (see <see cref="ShortTermWindow"/>) and moves
/// its gain towards the target: at most <c>maxGainDb</c> up and <see cref="MaxCutDb"/> down, smoothed with a 2 s time
/// constant and limited to 3 dB/s up and 6 dB/s down, ramped sample by sample (no zipper noise). With less than
/// 0.5 s of counting speech in the window (a pause, silence, noise under −50 LUFS) the gain holds, so pauses do not
/// pump it up and silence stays silence. The first time speech is heard the gain goes straight to its first
/// estimate. A 15 dB step in the source brings the gain within 1.5 dB of its new value in about 5.5 s (louder) and
/// 8 s (quieter: the louder past keeps the quieter speech under the relative gate for up to 3 s). Streaming, no
/// allocation per read; feed it the house format and put the true-peak limiter after it.
/// </summary>
public sealed class ShortTermLeveller : ISampleProvider
{
    /// <summary>The most the leveller turns down, dB.</summary>
    public const double MaxCutDb = 24;

    private const int MinCountingBlocks = 5;
    private const double TimeConstantSeconds = 2, UpDbPerSecond = 3, DownDbPerSecond = 6;
    private readonly ISampleProvider _source;
    private readonly ShortTermWindow _window;
    private readonly int _channels;
    private readonly double _alpha, _maxUpStep, _maxDownStep;
    private double _gainDb;
    private float _from = 1, _to = 1;
    private int _rampPos;
    private bool _acquired;

    /// <summary>Levels <paramref name="source"/> towards <paramref name="targetLufs"/>.</summary>
    /// <param name="source">The live audio (float, any rate and channel count).</param>
    /// <param name="targetLufs">The zone's loudness target, LUFS.</param>
    /// <param name="maxGainDb">The most the leveller may turn up, dB (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">The target or the gain limit is out of range.</exception>
    public ShortTermLeveller(ISampleProvider source, double targetLufs, double maxGainDb)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        if (!(targetLufs is >= -70 and <= 0)) throw new ArgumentOutOfRangeException(nameof(targetLufs), targetLufs, "The target must be between −70 and 0 LUFS.");
        if (!(maxGainDb is >= 0 and <= 40)) throw new ArgumentOutOfRangeException(nameof(maxGainDb), maxGainDb, "The gain limit must be between 0 and 40 dB.");
        (TargetLufs, MaxGainDb) = (targetLufs, maxGainDb);
        _channels = source.WaveFormat.Channels;
        _window = new ShortTermWindow(source.WaveFormat.SampleRate, _channels);
        var step = _window.StepFrames / (double)source.WaveFormat.SampleRate;
        _alpha = 1 - Math.Exp(-step / TimeConstantSeconds);
        (_maxUpStep, _maxDownStep) = (UpDbPerSecond * step, DownDbPerSecond * step);
    }

    /// <summary>The loudness target, LUFS.</summary>
    public double TargetLufs { get; }

    /// <summary>The most the leveller turns up, dB.</summary>
    public double MaxGainDb { get; }

    /// <summary>The gain the leveller is moving to (reached by the end of the current 100 ms ramp), dB.</summary>
    public double GainDb => _gainDb;

    /// <inheritdoc />
    public WaveFormat WaveFormat => _source.WaveFormat;

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        var n = _source.Read(buffer);
        var frames = n / _channels;
        var done = 0;
        while (done < frames)
        {
            var take = Math.Min(frames - done, _window.FramesToStep);
            var segment = buffer.Slice(done * _channels, take * _channels);
            var stepped = _window.Add(segment);
            Apply(segment);
            done += take;
            if (stepped) NextGain();
        }

        return n;
    }

    private void Apply(Span<float> segment)
    {
        if (_from == _to)
        {
            if (_to != 1f) foreach (ref var x in segment) x *= _to;
            _rampPos += segment.Length / _channels;
            return;
        }

        var length = (float)_window.StepFrames;
        for (var i = 0; i < segment.Length; i += _channels, _rampPos++)
        {
            var g = _from + (_to - _from) * (_rampPos / length);
            for (var c = 0; c < _channels; c++) segment[i + c] *= g;
        }
    }

    private void NextGain()
    {
        if (_window.CountingBlocks >= MinCountingBlocks)
        {
            var wanted = Math.Clamp(TargetLufs - _window.GatedLufs, -MaxCutDb, MaxGainDb);
            _gainDb = _acquired ? _gainDb + Math.Clamp((wanted - _gainDb) * _alpha, -_maxDownStep, _maxUpStep) : wanted;
            _acquired = true;
        }

        (_from, _to, _rampPos) = (_to, (float)Math.Pow(10, _gainDb / 20), 0);
    }
}
