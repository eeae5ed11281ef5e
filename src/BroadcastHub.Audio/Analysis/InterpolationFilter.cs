namespace BroadcastHub.Audio.Analysis;

/// <summary>
/// Polyphase coefficients of a Kaiser-windowed sinc low-pass for <c>factor</c>× oversampling. Phase
/// <c>p</c> holds taps <c>h[p + factor·k]</c> reversed, so a dot product with the last <see cref="TapsPerPhase"/>
/// input samples (oldest first) yields the p-th interpolated point. The filter has an odd length centred on a tap,
/// so one phase reproduces the input samples exactly.
/// </summary>
internal sealed class InterpolationFilter
{
    /// <summary>Taps per phase.</summary>
    public const int TapsPerPhase = 48;
    private const double KaiserBeta = 7.857; // ≈ 80 dB stop-band attenuation

    /// <summary>Designs the filter for <paramref name="factor"/>× oversampling.</summary>
    public InterpolationFilter(int factor)
    {
        Factor = factor;
        var length = factor * TapsPerPhase - 1;
        var centre = (length - 1) / 2.0;
        var h = new double[factor * TapsPerPhase];
        for (var n = 0; n < length; n++)
        {
            var t = (n - centre) / factor;
            var sinc = t == 0 ? 1 : Math.Sin(Math.PI * t) / (Math.PI * t);
            var r = (n - centre) / centre;
            h[n] = sinc * BesselI0(KaiserBeta * Math.Sqrt(1 - r * r)) / BesselI0(KaiserBeta);
        }

        ExactPhase = (int)centre % factor;
        Phases = new float[factor][];
        for (var p = 0; p < factor; p++)
        {
            var phase = new float[TapsPerPhase];
            double sum = 0;
            for (var k = 0; k < TapsPerPhase; k++) sum += h[p + factor * k];
            for (var k = 0; k < TapsPerPhase; k++) phase[TapsPerPhase - 1 - k] = (float)(h[p + factor * k] / sum);
            Phases[p] = phase;
        }
    }

    /// <summary>Oversampling factor.</summary>
    public int Factor { get; }

    /// <summary>The phase whose output is the input sample itself (delayed); it needs no computing.</summary>
    public int ExactPhase { get; }

    /// <summary>Reversed coefficients per phase.</summary>
    public float[][] Phases { get; }

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1;
        for (var k = 1; k < 50; k++)
        {
            term *= x / (2 * k) * (x / (2 * k));
            sum += term;
            if (term < sum * 1e-17) break;
        }

        return sum;
    }
}
