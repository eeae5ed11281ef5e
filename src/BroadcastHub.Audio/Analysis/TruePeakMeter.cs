using System.Numerics;
using System.Runtime.InteropServices;

namespace BroadcastHub.Audio.Analysis;

/// <summary>
/// True-peak meter (BS.1770-4 Annex 2): oversamples each channel (4× below 96 kHz, 2× below 192 kHz) with a
/// 48-tap-per-phase polyphase interpolator and tracks the largest absolute value. Streaming; not thread-safe.
/// </summary>
public sealed class TruePeakMeter
{
    private readonly int _channels;
    private readonly InterpolationFilter? _filter;
    private readonly float[][] _history;
    private readonly float[][] _phases = [];
    private int _pos;
    private float _peak;

    /// <summary>Creates a meter for interleaved audio at <paramref name="sampleRate"/> with <paramref name="channels"/> channels.</summary>
    public TruePeakMeter(int sampleRate, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        _channels = channels;
        var factor = sampleRate < 96000 ? 4 : sampleRate < 192000 ? 2 : 1;
        _filter = factor > 1 ? new InterpolationFilter(factor) : null;
        if (_filter is { } f) _phases = f.Phases.Where((_, p) => p != f.ExactPhase).ToArray();
        _history = Enumerable.Range(0, channels).Select(_ => new float[2 * InterpolationFilter.TapsPerPhase]).ToArray();
    }

    /// <summary>Largest absolute (interpolated) sample value so far, linear (1.0 = 0 dBTP).</summary>
    public double TruePeak => _peak;

    /// <summary>Adds interleaved samples (a whole number of frames).</summary>
    public void Add(ReadOnlySpan<float> interleaved)
    {
        if (interleaved.Length % _channels != 0)
            throw new ArgumentException($"Pass whole frames ({_channels} samples each).", nameof(interleaved));
        if (_filter is null)
        {
            foreach (var x in interleaved) _peak = Math.Max(_peak, Math.Abs(x));
            return;
        }

        const int taps = InterpolationFilter.TapsPerPhase;
        var phases = _phases;
        var peak = _peak;
        var pos = _pos;
        for (var c = 0; c < _channels; c++)
        {
            var history = _history[c];
            pos = _pos;
            for (var i = c; i < interleaved.Length; i += _channels)
            {
                var x = interleaved[i];
                history[pos] = history[pos + taps] = x;
                peak = Math.Max(peak, Math.Abs(x));
                var window = history.AsSpan(pos + 1, taps);
                foreach (var phase in phases) peak = Math.Max(peak, Math.Abs(VectorMath.Dot(window, phase)));
                pos = pos + 1 == taps ? 0 : pos + 1;
            }
        }

        (_pos, _peak) = (pos, peak);
    }
}
