namespace BroadcastHub.Audio.Analysis;

/// <summary>The two BS.1770 K-weighting stages for one channel, with their state.</summary>
internal sealed class KWeightingFilter(int sampleRate)
{
    private readonly Biquad _shelf = Biquad.HighShelf(sampleRate), _highPass = Biquad.RlbHighPass(sampleRate);
    private double _s1, _s2, _h1, _h2;

    /// <summary>Filters channel <paramref name="channel"/> of <paramref name="interleaved"/> and returns the sum of squares.</summary>
    public double SumOfSquares(ReadOnlySpan<float> interleaved, int channel, int stride)
    {
        var (s1, s2, h1, h2) = (_s1, _s2, _h1, _h2);
        var (sb0, sb1, sb2, sa1, sa2) = (_shelf.B0, _shelf.B1, _shelf.B2, _shelf.A1, _shelf.A2);
        var (hb0, hb1, hb2, ha1, ha2) = (_highPass.B0, _highPass.B1, _highPass.B2, _highPass.A1, _highPass.A2);
        double sum = 0;
        for (var i = channel; i < interleaved.Length; i += stride)
        {
            double x = interleaved[i];
            var y = sb0 * x + s1;
            s1 = sb1 * x - sa1 * y + s2;
            s2 = sb2 * x - sa2 * y;
            var z = hb0 * y + h1;
            h1 = hb1 * y - ha1 * z + h2;
            h2 = hb2 * y - ha2 * z;
            sum += z * z;
        }

        (_s1, _s2, _h1, _h2) = (s1, s2, h1, h2);
        return sum;
    }

    /// <summary>Zeroes vanishing state so long silences do not run on denormal arithmetic.</summary>
    public void FlushDenormals()
    {
        const double tiny = 1e-30;
        if (Math.Abs(_s1) < tiny) _s1 = 0;
        if (Math.Abs(_s2) < tiny) _s2 = 0;
        if (Math.Abs(_h1) < tiny) _h1 = 0;
        if (Math.Abs(_h2) < tiny) _h2 = 0;
    }
}
