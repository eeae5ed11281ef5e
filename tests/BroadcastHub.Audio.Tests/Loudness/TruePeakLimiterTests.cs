using BroadcastHub.Audio.Loudness;
using BroadcastHub.Audio.Pipeline;
using BroadcastHub.Audio.Tests.TestSupport;
using NAudio.Wave;
using static BroadcastHub.Audio.Tests.Loudness.LoudnessSignals;

namespace BroadcastHub.Audio.Tests.Loudness;

public sealed class TruePeakLimiterTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(241)]
    [InlineData(242)]
    [InlineData(243)]
    [InlineData(44117)]
    public void Output_has_exactly_the_input_frame_count(int frames)
    {
        var signal = Peaky(44100, 2, 1).AsSpan(0, Math.Min(frames, 44100) * 2).ToArray();
        if (frames > 44100) signal = [.. signal, .. new float[(frames - 44100) * 2]];
        var limiter = new TruePeakLimiterSampleProvider(new LoudnessGainSampleProvider(Source(signal, 44100, 2), 10));

        foreach (var sizes in new[] { new[] { 1 }, [7, 4096], [100000] })
        {
            var again = new TruePeakLimiterSampleProvider(Source(signal, 44100, 2));
            Assert.Equal(signal.Length, ReadAll(again, sizes).Length);
        }

        Assert.Equal(signal.Length, ReadAll(limiter).Length);
        Assert.Equal(0, limiter.Read(new float[64]));
    }

    [Fact]
    public void Look_ahead_is_compensated_so_the_output_is_aligned_with_the_input()
    {
        var tone = DecodingSignals.Sine(997, 0, 2, 44100, 1);
        var limiter = new TruePeakLimiterSampleProvider(Source(tone, 44100, 1), -6);
        var output = ReadAll(limiter);

        Assert.Equal(6, limiter.MaxReductionDb, 0.2);
        var expected = (float)Math.Pow(10, -limiter.MaxReductionDb / 20);
        for (var i = 4410; i < tone.Length - 4410; i += 7)
            Assert.Equal(tone[i] * expected, output[i], 1e-4);
    }

    [Fact]
    public void A_lone_click_is_ramped_down_before_it_arrives_not_after()
    {
        var signal = new float[44100];
        signal[20000] = 1f;
        var output = ReadAll(new TruePeakLimiterSampleProvider(Source(signal, 44100, 1), -6));

        Assert.True(TruePeakDbtp(output, 44100, 1) <= -6 + 0.1);
        Assert.Equal(20000, Array.IndexOf(output, output.Max()));
        Assert.All(output.AsSpan(0, 20000).ToArray(), x => Assert.Equal(0f, x));
    }

    [Fact]
    public void Items_joined_in_a_rundown_stay_gapless_and_sample_exact()
    {
        var format = WaveFormat.CreateIeeeFloatWaveFormat(44100, 1);
        var first = DecodingSignals.Sine(440, -20, 1.0001, 44100, 1);
        var second = DecodingSignals.Sine(660, -20, 0.5, 44100, 1);
        var target = new LoudnessTarget();
        using var rundown = new RundownSampleProvider(format, [
            () => LoudnessMatch.Apply(Source(first, 44100, 1), IntegratedLufs(first, 44100, 1), target),
            () => LoudnessMatch.Apply(Source(second, 44100, 1), IntegratedLufs(second, 44100, 1), target),
        ]);

        var output = ReadAll(rundown);

        Assert.Equal(first.Length + second.Length, output.Length);
        Assert.Equal(first.Length, rundown.EndFrameOf(0));
        Assert.Equal(first.Length, rundown.StartFrameOf(1));
        Assert.NotEqual(0f, output[first.Length + 1]);
    }

    [Fact]
    public void A_ceiling_above_full_scale_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TruePeakLimiterSampleProvider(Source([], 44100, 1), 0.5));
}
