namespace BroadcastHub.Audio.Analysis;

/// <summary>
/// ITU-R BS.1770-4 loudness meter: K-weighting designed for the actual sample rate, 400 ms gating blocks with
/// 75 % overlap, −70 LKFS absolute and −10 LU relative gates. Streaming: feed interleaved float frames with
/// <see cref="Add"/> in any chunk sizes, read <see cref="IntegratedLufs"/> at any time. Not thread-safe.
/// </summary>
public sealed class LoudnessMeter
{
    private const double AbsoluteGateLufs = -70, RelativeGateLu = -10, Offset = -0.691;
    private readonly int _channels, _sampleRate;
    private readonly double[] _weights;
    private readonly KWeightingFilter[] _filters;
    private readonly double[] _subEnergy = new double[4];
    private readonly long[] _subLength = new long[4];
    private readonly List<double> _blocks = [];
    private long _frames, _subStart, _subEnd, _subCount;
    private double _current, _lastBlock;

    /// <summary>Creates a meter for interleaved audio at <paramref name="sampleRate"/> with <paramref name="channels"/> channels.</summary>
    public LoudnessMeter(int sampleRate, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        (_sampleRate, _channels) = (sampleRate, channels);
        _weights = ChannelWeights(channels);
        _filters = Enumerable.Range(0, channels).Select(_ => new KWeightingFilter(sampleRate)).ToArray();
        _subEnd = SubBlockEnd(1);
    }

    /// <summary>Frames measured so far.</summary>
    public long Frames => _frames;

    /// <summary>
    /// Integrated (gated) loudness in LUFS over everything added so far, or <see cref="double.NegativeInfinity"/>
    /// when no 400 ms block is above the −70 LUFS absolute gate (silence, or less than 400 ms of audio).
    /// </summary>
    public double IntegratedLufs
    {
        get
        {
            if (_blocks.Count == 0) return double.NegativeInfinity;
            var relativeGate = Math.Pow(10, (ToLufs(_blocks.Average()) + RelativeGateLu - Offset) / 10);
            double sum = 0;
            var count = 0;
            foreach (var e in _blocks)
                if (e > relativeGate) (sum, count) = (sum + e, count + 1);
            return count == 0 ? double.NegativeInfinity : ToLufs(sum / count);
        }
    }

    /// <summary>
    /// Momentary loudness (ungated) of the latest complete 400 ms block, updated every 100 ms;
    /// <see cref="double.NegativeInfinity"/> before the first block or in digital silence.
    /// </summary>
    public double MomentaryLufs => _lastBlock > 0 ? ToLufs(_lastBlock) : double.NegativeInfinity;

    /// <summary>Adds interleaved samples (a whole number of frames).</summary>
    public void Add(ReadOnlySpan<float> interleaved)
    {
        if (interleaved.Length % _channels != 0)
            throw new ArgumentException($"Pass whole frames ({_channels} samples each).", nameof(interleaved));
        var total = interleaved.Length / _channels;
        var done = 0;
        while (done < total)
        {
            var n = (int)Math.Min(total - done, _subEnd - _frames);
            var segment = interleaved.Slice(done * _channels, n * _channels);
            for (var c = 0; c < _channels; c++)
                if (_weights[c] != 0) _current += _weights[c] * _filters[c].SumOfSquares(segment, c, _channels);
            (done, _frames) = (done + n, _frames + n);
            if (_frames == _subEnd) CloseSubBlock();
        }

        foreach (var filter in _filters) filter.FlushDenormals();
    }

    private void CloseSubBlock()
    {
        var slot = (int)(_subCount % 4);
        (_subEnergy[slot], _subLength[slot]) = (_current, _frames - _subStart);
        (_current, _subStart) = (0, _frames);
        _subCount++;
        _subEnd = SubBlockEnd(_subCount + 1);
        if (_subCount < 4) return;
        var energy = (_subEnergy[0] + _subEnergy[1] + _subEnergy[2] + _subEnergy[3])
                     / (_subLength[0] + _subLength[1] + _subLength[2] + _subLength[3]);
        _lastBlock = energy;
        if (ToLufs(energy) > AbsoluteGateLufs) _blocks.Add(energy);
    }

    private long SubBlockEnd(long index) => index * _sampleRate / 10;

    private static double ToLufs(double energy) => Offset + 10 * Math.Log10(energy);

    private static double[] ChannelWeights(int channels)
    {
        var weights = Enumerable.Repeat(1.0, channels).ToArray();
        if (channels == 6) (weights[3], weights[4], weights[5]) = (0, 1.41, 1.41); // L R C LFE Ls Rs
        if (channels == 5) (weights[3], weights[4]) = (1.41, 1.41); // L R C Ls Rs
        return weights;
    }
}
