namespace BroadcastHub.Playout.Tests.Relay.Proof;

/// <summary>How alike two mono signals are: the lag of the normalised cross-correlation's peak, and the peak.</summary>
public static class Similarity
{
    /// <summary>
    /// Correlates <paramref name="length"/> samples of <paramref name="a"/> from <paramref name="start"/> with
    /// <paramref name="b"/> shifted by every lag within ±<paramref name="maxLag"/>; b[i + lag] matches a[i] at the peak.
    /// </summary>
    public static (int Lag, double Peak) Best(float[] a, float[] b, int start, int length, int maxLag)
    {
        var (bestLag, best) = (0, double.NegativeInfinity);
        for (var lag = -maxLag; lag <= maxLag; lag++)
        {
            double ab = 0, aa = 0, bb = 0;
            for (var i = start; i < start + length; i++)
            {
                var j = i + lag;
                if (j < 0 || j >= b.Length) continue;
                (ab, aa, bb) = (ab + a[i] * (double)b[j], aa + a[i] * (double)a[i], bb + b[j] * (double)b[j]);
            }

            var r = aa > 0 && bb > 0 ? ab / Math.Sqrt(aa * bb) : 0;
            if (r > best) (bestLag, best) = (lag, r);
        }

        return (bestLag, best);
    }
}
