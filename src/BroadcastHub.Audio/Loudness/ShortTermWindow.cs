using BroadcastHub.Audio.Analysis;

namespace BroadcastHub.Audio.Loudness;

/// <summary>
/// Streaming K-weighted loudness for a leveller: 400 ms momentary blocks every 100 ms, and over the latest 3 s a
/// short-term level gated like BS.1770's integrated measure (blocks under −50 LUFS, or 10 LU under the window's
/// level, do not count), so pauses and the tails of sentences do not read as quiet speech. No allocation after
/// construction. Not thread-safe.
/// </summary>
internal sealed class ShortTermWindow
{
    private const double AbsoluteGateLufs = -50, RelativeGateLu = -10, Offset = -0.691;
    private const int WindowBlocks = 30;
    private readonly int _channels;
    private readonly KWeightingFilter[] _filters;
    private readonly double[] _sub = new double[4];
    private readonly double[] _momentary = new double[WindowBlocks];
    private readonly double _absoluteGate = FromLufs(AbsoluteGateLufs);
    private double _current;
    private int _subFrames;
    private long _steps;

    public ShortTermWindow(int sampleRate, int channels)
    {
        _channels = channels;
        _filters = new KWeightingFilter[channels];
        for (var c = 0; c < channels; c++) _filters[c] = new KWeightingFilter(sampleRate);
        StepFrames = Math.Max(1, sampleRate / 10);
    }

    /// <summary>Frames in one 100 ms step.</summary>
    public int StepFrames { get; }

    /// <summary>Frames still needed to finish the current step.</summary>
    public int FramesToStep => StepFrames - _subFrames;

    /// <summary>Gated short-term loudness of the latest 3 s, LUFS (−∞ when nothing counts).</summary>
    public double GatedLufs { get; private set; } = double.NegativeInfinity;

    /// <summary>How many of the window's 30 momentary blocks passed both gates.</summary>
    public int CountingBlocks { get; private set; }

    /// <summary>Adds whole frames that do not cross a step; returns true when this closed a step.</summary>
    public bool Add(ReadOnlySpan<float> interleaved)
    {
        for (var c = 0; c < _channels; c++) _current += _filters[c].SumOfSquares(interleaved, c, _channels);
        _subFrames += interleaved.Length / _channels;
        if (_subFrames < StepFrames) return false;
        CloseStep();
        return true;
    }

    private void CloseStep()
    {
        _sub[_steps % 4] = _current / _subFrames;
        (_current, _subFrames) = (0, 0);
        foreach (var filter in _filters) filter.FlushDenormals();
        _momentary[_steps % WindowBlocks] = (_sub[0] + _sub[1] + _sub[2] + _sub[3]) / 4;
        _steps++;
        Measure();
    }

    private void Measure()
    {
        var blocks = (int)Math.Min(_steps, WindowBlocks);
        double sum = 0;
        var n = 0;
        for (var i = 0; i < blocks; i++)
            if (_momentary[i] > _absoluteGate) (sum, n) = (sum + _momentary[i], n + 1);
        if (n == 0) (GatedLufs, CountingBlocks) = (double.NegativeInfinity, 0);
        if (n == 0) return;
        var relative = sum / n * Math.Pow(10, RelativeGateLu / 10);
        (sum, n) = (0, 0);
        for (var i = 0; i < blocks; i++)
            if (_momentary[i] > _absoluteGate && _momentary[i] > relative) (sum, n) = (sum + _momentary[i], n + 1);
        (GatedLufs, CountingBlocks) = (Offset + 10 * Math.Log10(sum / n), n);
    }

    private static double FromLufs(double lufs) => Math.Pow(10, (lufs - Offset) / 10);
}
