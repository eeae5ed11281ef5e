using BroadcastHub.Audio.Metering;
using BroadcastHub.Audio.Tests.TestSupport;
using static BroadcastHub.Audio.Tests.Loudness.LoudnessSignals;

namespace BroadcastHub.Audio.Tests.Metering;

public sealed class SilenceWatchTests
{
    private const int Rate = 8000;

    /// <summary>A 400 Hz square wave: every sample sits at the level, so the first and last frames are audible.</summary>
    private static float[] Tone(double seconds, double dbfs = -20)
    {
        var level = (float)Math.Pow(10, dbfs / 20);
        return Enumerable.Range(0, (int)Math.Round(seconds * Rate)).Select(i => i / 10 % 2 == 0 ? level : -level).ToArray();
    }

    private static float[] Quiet(double seconds, float level = 0) => Enumerable.Repeat(level, (int)Math.Round(seconds * Rate)).ToArray();

    private static (SilenceWatchSampleProvider Watch, List<DeadAirEvent> Started, List<DeadAirEvent> Ended, float[] Output) Watch(
        float[] signal, int[]? sizes = null, TimeSpan? span = null)
    {
        var watch = new SilenceWatchSampleProvider(Source(signal, Rate, 1), span: span);
        var (started, ended) = (new List<DeadAirEvent>(), new List<DeadAirEvent>());
        watch.DeadAirStarted += (_, e) => started.Add(e);
        watch.DeadAirEnded += (_, e) => ended.Add(e);
        return (watch, started, ended, ReadAll(watch, sizes));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(160)]
    [InlineData(4096)]
    [InlineData(100000)]
    public void Fires_on_the_first_frame_beyond_ten_seconds_of_silence_and_ends_when_sound_returns(int readFrames)
    {
        var signal = DecodingSignals.Concat(Tone(1), Quiet(12), Tone(1));

        var (watch, started, ended, output) = Watch(signal, [readFrames]);

        Assert.Equal(signal, output);
        Assert.Equal(80_000, watch.SpanFrames);
        var e = Assert.Single(started);
        Assert.Equal(new DeadAirEvent(8_000, 8_000 + 80_000, Rate), e);
        Assert.Equal(TimeSpan.FromSeconds(10), e.Silence);
        Assert.Equal(new DeadAirEvent(8_000, 8_000 + 96_000, Rate), Assert.Single(ended));
        Assert.False(watch.IsDeadAir);
        Assert.Equal(1, watch.Episodes);
    }

    [Fact]
    public void Silence_of_exactly_the_span_is_not_dead_air()
    {
        var (watch, started, _, _) = Watch(DecodingSignals.Concat(Tone(1), Quiet(10), Tone(1)));

        Assert.Empty(started);
        Assert.Equal(0, watch.Episodes);
    }

    [Fact]
    public void Re_arms_after_sound_returns_and_reports_each_episode()
    {
        var signal = DecodingSignals.Concat(Tone(0.5), Quiet(2), Tone(0.25), Quiet(1.5), Quiet(0.7));

        var (watch, started, ended, _) = Watch(signal, [333], TimeSpan.FromSeconds(1));

        Assert.Equal([new DeadAirEvent(4_000, 12_000, Rate), new DeadAirEvent(22_000, 30_000, Rate)], started);
        Assert.Equal([new DeadAirEvent(4_000, 20_000, Rate)], ended);
        Assert.True(watch.IsDeadAir);
        Assert.Equal(22_000, watch.SilenceStart);
        Assert.Equal(signal.Length, watch.Position);
    }

    [Fact]
    public void Hiss_below_the_threshold_is_silence_and_quiet_speech_above_it_is_not()
    {
        var hiss = Quiet(11, level: (float)Math.Pow(10, -55 / 20.0));
        var (_, started, _, _) = Watch(DecodingSignals.Concat(Tone(1), hiss));
        var (_, none, _, _) = Watch(DecodingSignals.Concat(Tone(1), Tone(11, dbfs: -45)));

        Assert.Equal(8_000 + 80_000, Assert.Single(started).Position);
        Assert.Empty(none);
    }

    [Fact]
    public void Sound_on_any_channel_counts()
    {
        var frames = 12 * Rate;
        var stereo = new float[frames * 2];
        for (var i = 0; i < frames; i++) stereo[2 * i + 1] = i % 2 == 0 ? 0.1f : -0.1f;
        var watch = new SilenceWatchSampleProvider(Source(stereo, Rate, 2));
        var fired = 0;
        watch.DeadAirStarted += (_, _) => fired++;

        Assert.Equal(stereo, ReadAll(watch));
        Assert.Equal(0, fired);
    }

    [Fact]
    public void Silence_while_none_is_expected_is_not_counted_and_counting_restarts_when_it_is()
    {
        var watch = new SilenceWatchSampleProvider(Source(DecodingSignals.Concat(Quiet(30)), Rate, 1));
        var started = new List<DeadAirEvent>();
        var ended = new List<DeadAirEvent>();
        watch.DeadAirStarted += (_, e) => started.Add(e);
        watch.DeadAirEnded += (_, e) => ended.Add(e);
        var buffer = new float[Rate];

        for (var s = 0; s < 12; s++) watch.Read(buffer);
        watch.Expected = false;
        for (var s = 0; s < 12; s++) watch.Read(buffer);
        watch.Expected = true;
        while (watch.Read(buffer) > 0) { }

        Assert.Equal([new DeadAirEvent(0, 80_000, Rate)], started);
        Assert.Equal([new DeadAirEvent(0, 12 * Rate, Rate)], ended);
        Assert.False(watch.IsDeadAir);
        Assert.Equal(24 * Rate, watch.SilenceStart);
    }

    [Fact]
    public void A_predicate_polled_per_read_suspends_the_watch_during_intended_silence()
    {
        var itemPlaying = false;
        var watch = new SilenceWatchSampleProvider(Source(Quiet(40), Rate, 1), expectedNow: () => itemPlaying);
        var started = new List<DeadAirEvent>();
        watch.DeadAirStarted += (_, e) => started.Add(e);
        var buffer = new float[Rate];

        for (var s = 0; s < 15; s++) watch.Read(buffer);
        Assert.Null(watch.SilenceStart);
        itemPlaying = true;
        while (watch.Read(buffer) > 0) { }

        Assert.Equal([new DeadAirEvent(15 * Rate, 25 * Rate, Rate)], started);
    }
}
