using System.Numerics;

namespace BroadcastHub.TestStreams;

/// <summary>How aired audio lines up with what the source sent: the latency that fits best and how well it fits.</summary>
/// <param name="LatencySeconds">How long after the source sent it the audio aired.</param>
/// <param name="Correlation">Normalised correlation at that latency (1 = identical waveform).</param>
public sealed record SourceMatch(double LatencySeconds, double Correlation);

/// <summary>Cross-correlates aired audio (mono, 48 kHz) with <see cref="SourceSignal"/> by FFT.</summary>
public static class SourceCorrelation
{
    /// <summary>
    /// Finds the latency in [<paramref name="minLatencySeconds"/>, <paramref name="maxLatencySeconds"/>] at which <paramref name="aired"/>, whose first
    /// sample aired at <paramref name="airedAt"/>, best matches what a source started at <paramref name="origin"/> sent.
    /// </summary>
    public static SourceMatch Match(float[] aired, DateTimeOffset airedAt, DateTimeOffset origin, double maxLatencySeconds,
        double minLatencySeconds = 0)
    {
        const int rate = SourceSignal.SampleRate;
        var maxLag = (int)(maxLatencySeconds * rate);
        var span = maxLag - (int)(minLatencySeconds * rate);
        var first = (long)Math.Round((airedAt - origin).TotalSeconds * rate) - maxLag;
        var size = 1;
        while (size < aired.Length + span) size <<= 1;
        var a = new Complex[size];
        var r = new Complex[size];
        for (var j = 0; j < aired.Length; j++) a[j] = aired[j];
        for (var k = 0; k < aired.Length + span; k++) r[k] = SourceSignal.At(first + k);
        Fft(a, false);
        Fft(r, false);
        for (var i = 0; i < size; i++) a[i] = Complex.Conjugate(a[i]) * r[i];
        Fft(a, true);
        var best = 0;
        for (var s = 1; s <= span; s++)
            if (a[s].Real > a[best].Real) best = s;
        double dot = 0, airedEnergy = 0, sourceEnergy = 0;
        for (var j = 0; j < aired.Length; j++)
        {
            var x = SourceSignal.At(first + j + best);
            dot += aired[j] * x;
            airedEnergy += aired[j] * (double)aired[j];
            sourceEnergy += x * x;
        }
        return new SourceMatch((maxLag - best) / (double)rate, dot / Math.Sqrt(airedEnergy * sourceEnergy + 1e-30));
    }

    /// <summary>
    /// The share of the 1 s windows of <paramref name="aired"/> from <paramref name="fromSeconds"/> to
    /// <paramref name="toSeconds"/> that match the source (correlation above <paramref name="threshold"/>) at a latency in
    /// [<paramref name="minLatencySeconds"/>, <paramref name="maxLatencySeconds"/>]. Window by window, because a live relay
    /// may drop audio to stay live (its latency steps) and a starved decoder may leave a moment of fill.
    /// </summary>
    public static double LiveShare(float[] aired, DateTimeOffset airedAt, DateTimeOffset origin, int fromSeconds, int toSeconds,
        double maxLatencySeconds, double minLatencySeconds = -0.2, double threshold = 0.8)
    {
        const int rate = SourceSignal.SampleRate;
        var matched = 0;
        for (var at = fromSeconds; at < toSeconds; at++)
        {
            var m = Match(aired[(at * rate)..((at + 1) * rate)], airedAt.AddSeconds(at), origin, maxLatencySeconds, minLatencySeconds);
            if (m.Correlation > threshold) matched++;
        }
        return matched / (double)(toSeconds - fromSeconds);
    }

    private static void Fft(Complex[] data, bool inverse)
    {
        var n = data.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) (data[i], data[j]) = (data[j], data[i]);
        }
        for (var length = 2; length <= n; length <<= 1)
        {
            var angle = 2 * Math.PI / length * (inverse ? 1 : -1);
            var step = new Complex(Math.Cos(angle), Math.Sin(angle));
            for (var i = 0; i < n; i += length)
            {
                var w = Complex.One;
                for (var k = 0; k < length / 2; k++)
                {
                    var u = data[i + k];
                    var v = data[i + k + length / 2] * w;
                    data[i + k] = u + v;
                    data[i + k + length / 2] = u - v;
                    w *= step;
                }
            }
        }
        if (inverse)
            for (var i = 0; i < n; i++) data[i] /= n;
    }
}
