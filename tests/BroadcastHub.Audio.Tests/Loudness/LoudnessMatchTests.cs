using BroadcastHub.Audio.Loudness;
using BroadcastHub.Audio.Tests.TestSupport;
using static BroadcastHub.Audio.Tests.Loudness.LoudnessSignals;

namespace BroadcastHub.Audio.Tests.Loudness;

public sealed class LoudnessMatchTests
{
    [Theory]
    [InlineData(44100, 1)]
    [InlineData(48000, 2)]
    public void A_minus_30_LUFS_tone_comes_out_at_the_target(int rate, int channels)
    {
        var tone = DecodingSignals.Sine(1000, -30 + (channels == 1 ? 3.0103 : 0), 10, rate, channels);
        var measured = IntegratedLufs(tone, rate, channels);
        Assert.Equal(-30, measured, 0.05);

        var output = ReadAll(LoudnessMatch.Apply(Source(tone, rate, channels), measured, new LoudnessTarget()));

        Assert.Equal(tone.Length, output.Length);
        Assert.Equal(-16, IntegratedLufs(output, rate, channels), 0.3);
        Assert.True(TruePeakDbtp(output, rate, channels) <= -1.0 + 0.1);
    }

    [Theory]
    [InlineData(-1.0, 44100, 1)]
    [InlineData(-1.0, 48000, 2)]
    [InlineData(-3.0, 22050, 1)]
    public void A_loud_peaky_signal_never_exceeds_the_ceiling(double ceiling, int rate, int channels)
    {
        var loud = Peaky(rate, channels, 6);
        var lufs = IntegratedLufs(loud, rate, channels);
        Assert.True(TruePeakDbtp(loud, rate, channels) > 0);

        var target = new LoudnessTarget(TargetLufs: lufs + 12, TruePeakCeilingDbtp: ceiling);
        var output = ReadAll(LoudnessMatch.Apply(Source(loud, rate, channels), lufs, target));

        Assert.Equal(loud.Length, output.Length);
        Assert.InRange(TruePeakDbtp(output, rate, channels), ceiling - 6, ceiling + 0.1);
    }

    [Fact]
    public void Disabled_matching_returns_the_source_itself_bit_exact()
    {
        var signal = Peaky(44100, 1, 1);
        var source = Source(signal, 44100, 1);
        var result = LoudnessMatch.Apply(source, -30, LoudnessTarget.Off);

        Assert.Same(source, result);
        Assert.Equal(signal, ReadAll(result));
    }

    [Fact]
    public void At_unity_gain_below_the_ceiling_samples_pass_bit_exact()
    {
        var signal = DecodingSignals.Sine(440, -12, 3, 44100, 2);
        var lufs = IntegratedLufs(signal, 44100, 2);

        var output = ReadAll(LoudnessMatch.Apply(Source(signal, 44100, 2), lufs, new LoudnessTarget(TargetLufs: lufs)));

        Assert.Equal(signal, output);
    }

    [Theory]
    [InlineData(double.NegativeInfinity, 0)]
    [InlineData(double.NaN, 0)]
    [InlineData(-70.0, 0)]
    [InlineData(-80.0, 0)]
    [InlineData(-30.0, 14)]
    [InlineData(-50.0, 20)]
    [InlineData(0.0, -16)]
    [InlineData(10.0, -20)]
    public void Gain_is_the_clamped_difference_and_silence_is_never_boosted(double lufs, double expectedDb) =>
        Assert.Equal(expectedDb, LoudnessMatch.GainDb(lufs, new LoudnessTarget()), 1e-9);

    [Fact]
    public void A_stereo_measurement_played_in_mono_is_corrected_for_the_downmix()
    {
        Assert.Equal(-3.0103, LoudnessMatch.LayoutCorrectionDb(2, 1), 1e-4);
        Assert.Equal(0, LoudnessMatch.LayoutCorrectionDb(0, 1));
        var stereo = DecodingSignals.Sine(1000, -30, 10, 48000, 2);
        var stereoLufs = IntegratedLufs(stereo, 48000, 2);
        var mono = DecodingSignals.Sine(1000, -30, 10, 48000, 1);

        var output = ReadAll(LoudnessMatch.Apply(Source(mono, 48000, 1), stereoLufs, new LoudnessTarget(), measuredChannels: 2));

        Assert.Equal(-16, IntegratedLufs(output, 48000, 1), 0.3);
    }
}
