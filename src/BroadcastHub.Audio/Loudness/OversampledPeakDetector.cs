using System.Numerics;
using System.Runtime.InteropServices;
using BroadcastHub.Audio.Analysis;

namespace BroadcastHub.Audio.Loudness;

/// <summary>
/// 4× oversampled peak detection for a limiter, frame by frame, with the polyphase <see cref="InterpolationFilter"/>
/// the <see cref="TruePeakMeter"/> uses. After frame <c>k</c> is pushed, <see cref="Push"/> returns the largest absolute
/// value of the band-limited signal over the interval (<c>k − Delay − 1</c>, <c>k − Delay</c>]: the sample
/// <c>k − Delay</c> itself and the three interpolated points before it.
/// </summary>
internal sealed class OversampledPeakDetector
{
    private const int Taps = InterpolationFilter.TapsPerPhase;
    private readonly int _channels;
    private readonly float[][] _phases;
    private readonly float[][] _history;
    private int _pos;

    /// <summary>Creates a detector for <paramref name="channels"/> interleaved channels.</summary>
    public OversampledPeakDetector(int channels)
    {
        var filter = new InterpolationFilter(4);
        _channels = channels;
        _phases = filter.Phases.Where((_, p) => p != filter.ExactPhase).ToArray();
        _history = Enumerable.Range(0, channels).Select(_ => new float[2 * Taps]).ToArray();
        var centre = (filter.Factor * Taps - 2) / 2;
        Delay = (centre - filter.ExactPhase) / filter.Factor;
    }

    /// <summary>Frames between the newest frame pushed and the newest sample the returned peak covers.</summary>
    public int Delay { get; }

    /// <summary>Pushes one interleaved frame and returns the peak of the interval <see cref="Delay"/> frames back.</summary>
    public float Push(ReadOnlySpan<float> frame)
    {
        var peak = 0f;
        var pos = _pos;
        var exact = Taps - 1 - Delay;
        for (var c = 0; c < _channels; c++)
        {
            var history = _history[c];
            history[pos] = history[pos + Taps] = frame[c];
            var window = history.AsSpan(pos + 1, Taps);
            peak = Math.Max(peak, Math.Abs(window[exact]));
            foreach (var phase in _phases) peak = Math.Max(peak, Math.Abs(VectorMath.Dot(window, phase)));
        }

        _pos = pos + 1 == Taps ? 0 : pos + 1;
        return peak;
    }
}
