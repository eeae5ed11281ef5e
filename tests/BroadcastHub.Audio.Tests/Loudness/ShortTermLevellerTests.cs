using static BroadcastHub.Audio.Tests.Loudness.LevellerSignals;

namespace BroadcastHub.Audio.Tests.Loudness;

/// <summary>The relay leveller on real speech, measured by ffmpeg's ebur128 (the independent reference).</summary>
public sealed class ShortTermLevellerTests
{
    private const double SettleSeconds = 8;

    [Theory]
    [InlineData(-30)]
    [InlineData(-8)]
    public void Quiet_and_loud_speech_reach_the_target_after_settling(double lufs)
    {
        var input = Speech(lufs, 4);
        Assert.InRange(FfmpegLufs(input, 0), lufs - 1, lufs + 1);

        var output = Level(input);

        Assert.Equal(input.Length, output.Length);
        Assert.InRange(FfmpegLufs(output, SettleSeconds), Target - 1.5, Target + 1.5);
    }

    [Fact]
    public void Pauses_do_not_pump_the_gain()
    {
        var speech = Speech(-30, 1);
        var seconds = speech.Length / (double)Rate;
        var input = Concat(speech, Silence(5), speech, Silence(5), speech, Silence(5), speech);

        var output = Level(input);

        for (var pause = 1; pause <= 3; pause++)
        {
            var resume = pause * (seconds + 5);
            var before = LastGain(input, output, resume - 5);
            var after = FirstGain(input, output, resume);
            Assert.True(Math.Abs(after - before) <= 1, $"pause {pause}: {before:0.00} dB before, {after:0.00} dB after");
        }
    }

    [Fact]
    public void Silence_stays_silence_and_low_noise_is_not_raised()
    {
        var random = new Random(7);
        var noise = new float[Rate * 10];
        for (var i = 0; i < noise.Length; i++) noise[i] = (float)((random.NextDouble() * 2 - 1) * 0.001); // about −63 LUFS
        var input = Concat(Silence(5), noise, Silence(5));

        var output = Level(input);

        Assert.Equal(input, output);
    }

    [Theory]
    [InlineData(-30, -15)]
    [InlineData(-15, -30)]
    public void A_15_dB_step_settles_within_9_seconds(double fromLufs, double toLufs)
    {
        var first = Speech(fromLufs, 2);
        var input = Concat(first, Speech(toLufs, 3));
        var step = first.Length / (double)Rate;

        var output = Level(input);

        var ideal = Target - FfmpegLufs(input, step);
        var gains = Enumerable.Range(0, 250).Select(k => (T: k * 0.1, G: GainDb(input, output, step + k * 0.1)))
            .Where(x => double.IsFinite(x.G)).ToList();
        var settledAt = gains.Last(x => Math.Abs(x.G - ideal) > 1.5).T;
        Assert.True(settledAt <= 9, $"the gain left ±1.5 dB of {ideal:0.0} dB at +{settledAt:0.0} s: "
            + string.Join(" ", gains.Where((_, i) => i % 5 == 0).Select(x => $"{x.T:0.0}:{x.G:0.0}")));
        Assert.InRange(FfmpegLufs(output, step + 8), Target - 1.5, Target + 1.5);
    }

    private static double LastGain(float[] input, float[] output, double beforeSeconds) =>
        Enumerable.Range(1, 20).Select(k => GainDb(input, output, beforeSeconds - k * 0.1)).First(double.IsFinite);

    private static double FirstGain(float[] input, float[] output, double fromSeconds) =>
        Enumerable.Range(0, 20).Select(k => GainDb(input, output, fromSeconds + k * 0.1)).First(double.IsFinite);
}
