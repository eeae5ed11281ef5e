namespace BroadcastHub.Audio.Analysis;

/// <summary>Second-order IIR section coefficients (a0 normalised to 1).</summary>
internal readonly record struct Biquad(double B0, double B1, double B2, double A1, double A2)
{
    /// <summary>
    /// BS.1770 stage 1, the high-shelf "pre-filter", designed for <paramref name="sampleRate"/> by the bilinear
    /// transform from its analog prototype (the parameters that reproduce the 48 kHz table of BS.1770-4).
    /// </summary>
    public static Biquad HighShelf(int sampleRate)
    {
        const double f0 = 1681.974450955533, gainDb = 3.999843853973347, q = 0.7071752369554196;
        var k = Math.Tan(Math.PI * f0 / sampleRate);
        var vh = Math.Pow(10, gainDb / 20);
        var vb = Math.Pow(vh, 0.4996667741545416);
        var a0 = 1 + k / q + k * k;
        return new Biquad(
            (vh + vb * k / q + k * k) / a0,
            2 * (k * k - vh) / a0,
            (vh - vb * k / q + k * k) / a0,
            2 * (k * k - 1) / a0,
            (1 - k / q + k * k) / a0);
    }

    /// <summary>BS.1770 stage 2, the RLB high-pass, designed for <paramref name="sampleRate"/>.</summary>
    public static Biquad RlbHighPass(int sampleRate)
    {
        const double f0 = 38.13547087602444, q = 0.5003270373238773;
        var k = Math.Tan(Math.PI * f0 / sampleRate);
        var a0 = 1 + k / q + k * k;
        return new Biquad(1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
    }
}
