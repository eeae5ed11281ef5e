namespace BroadcastHub.Audio.Loudness;

/// <summary>
/// Gain envelope of a look-ahead limiter. It takes, per frame, the largest gain each point may have (≤ 1) and
/// returns a smooth gain that never exceeds it: a sliding minimum over <c>attack + 1</c> requirements, an
/// exponential release towards 1, then a moving average over <c>attack</c> frames, which turns every step down
/// into a linear ramp that is complete when the peak arrives. The gain returned by <see cref="Push"/> belongs to
/// the frame <see cref="Delay"/> requirements back. Exactly 1 wherever nothing needs limiting.
/// </summary>
internal sealed class LimiterEnvelope
{
    private const double UnitySnap = 1e-7;
    private readonly int _attack;
    private readonly double _releaseStep;
    private readonly double[] _minValues;
    private readonly long[] _minIndex;
    private readonly double[] _average;
    private int _head, _tail, _count, _averagePos, _belowUnity;
    private long _index;
    private double _held = 1, _sum;

    /// <summary>Creates an envelope with <paramref name="attackFrames"/> of look-ahead and a release time constant.</summary>
    public LimiterEnvelope(int attackFrames, double releaseFrames)
    {
        _attack = Math.Max(1, attackFrames);
        _releaseStep = 1 - Math.Exp(-1 / Math.Max(1, releaseFrames));
        _minValues = new double[_attack + 2];
        _minIndex = new long[_attack + 2];
        _average = Enumerable.Repeat(1.0, _attack).ToArray();
        _sum = _attack;
    }

    /// <summary>Requirements between one pushed and the gain it completes.</summary>
    public int Delay => _attack;

    /// <summary>Pushes the gain limit of the next frame and returns the gain of the frame <see cref="Delay"/> back.</summary>
    public float Push(double limit)
    {
        var window = _attack + 1;
        var cap = _minValues.Length;
        while (_count > 0 && _minValues[(_tail + cap - 1) % cap] >= limit) (_tail, _count) = ((_tail + cap - 1) % cap, _count - 1);
        (_minValues[_tail], _minIndex[_tail]) = (limit, _index);
        (_tail, _count) = ((_tail + 1) % cap, _count + 1);
        if (_minIndex[_head] <= _index - window) (_head, _count) = ((_head + 1) % cap, _count - 1);
        _index++;

        var min = _minValues[_head];
        var released = _held + (1 - _held) * _releaseStep;
        _held = Math.Min(min, released);
        if (1 - _held < UnitySnap) _held = 1;
        return Average(_held);
    }

    private float Average(double value)
    {
        var old = _average[_averagePos];
        if (old != 1) _belowUnity--;
        if (value != 1) _belowUnity++;
        _average[_averagePos] = value;
        _averagePos = _averagePos + 1 == _attack ? 0 : _averagePos + 1;
        _sum = _belowUnity == 0 ? _attack : _sum + value - old;
        return (float)Math.Min(1, _sum / _attack);
    }
}
