using BroadcastHub.Playout.Relay;
using NAudio.Wave;

namespace BroadcastHub.Playout.Tests.Relay;

/// <summary>The relay fill: its items in order, looping; the next gap continues where the last stopped; a fade out under the stream.</summary>
public sealed class RelayFillTests
{
    private const int Rate = 1000;

    [Fact]
    public void Items_play_in_order_looping_and_the_next_gap_continues_where_the_last_stopped()
    {
        using var fill = new RelayFill([() => new Level(1f, 300), () => new Level(2f, 200)], Rate, 1);

        var first = Gap(fill, 400);
        Live(fill, 1000);
        var second = Gap(fill, 400);

        // A 20 ms fade in at each gap's start; then item 1 (300 frames), item 2, item 1 again.
        Assert.Equal([1f, 2f], first[20..].Distinct());
        Assert.Equal(280, first[20..].Count(s => s == 1f));
        // The 400 ms fade out under the stream played item 2's last 100 frames and item 1 again (300): the next gap goes on with item 2.
        Assert.All(second[20..200], s => Assert.Equal(2f, s));
        Assert.All(second[200..], s => Assert.Equal(1f, s));
    }

    [Fact]
    public void The_fill_fades_out_under_the_returning_stream_in_the_fade_time()
    {
        using var fill = new RelayFill([() => new Level(1f, 10_000)], Rate, 1);
        Gap(fill, 100);

        var live = Live(fill, 1000, level: 0f);

        var fade = (int)(RelayFill.FadeOutSeconds * Rate);
        Assert.Equal(1f, live[0], 2);
        Assert.InRange(live[fade / 2], 0.45f, 0.55f);
        Assert.All(live[fade..], s => Assert.Equal(0f, s));
    }

    [Fact]
    public void No_items_is_silence()
    {
        using var fill = RelayFill.Silence(Rate, 1);
        Assert.False(fill.HasItems);
        Assert.All(Gap(fill, 100), s => Assert.Equal(0f, s));
    }

    private static float[] Gap(RelayFill fill, int frames)
    {
        var buffer = new float[frames];
        fill.Fill(buffer);
        return buffer;
    }

    private static float[] Live(RelayFill fill, int frames, float level = 0f)
    {
        var buffer = Enumerable.Repeat(level, frames).ToArray();
        fill.Live(buffer);
        return buffer;
    }

    private sealed class Level(float value, int frames) : ISampleProvider
    {
        private int _left = frames;

        public WaveFormat WaveFormat { get; } = WaveFormat.CreateIeeeFloatWaveFormat(Rate, 1);

        public int Read(Span<float> buffer)
        {
            var n = Math.Min(buffer.Length, _left);
            buffer[..n].Fill(value);
            _left -= n;
            return n;
        }
    }
}
