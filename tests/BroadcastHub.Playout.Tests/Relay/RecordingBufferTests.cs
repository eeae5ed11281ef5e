using BroadcastHub.Playout.Relay;

namespace BroadcastHub.Playout.Tests.Relay;

/// <summary>The relay recording's ring: never waits on write, drops and counts what does not fit, keeps order across the wrap.</summary>
public sealed class RecordingBufferTests
{
    [Fact]
    public void A_full_ring_drops_and_counts_and_the_reader_gets_the_rest_in_order()
    {
        var ring = new RecordingBuffer(8);
        ring.Write([1, 2, 3, 4, 5, 6]);
        var into = new float[4];
        Assert.Equal(4, ring.Read(into));
        Assert.Equal([1f, 2, 3, 4], into);

        ring.Write([7, 8, 9, 10, 11, 12, 13]); // 2 waiting + 7 > 8: one dropped
        ring.Close();
        ring.Write([99]); // after close: ignored, not counted

        var rest = new List<float>();
        var chunk = new float[3];
        for (int n; (n = ring.Read(chunk)) > 0;) rest.AddRange(chunk[..n]);
        Assert.Equal([5f, 6, 7, 8, 9, 10, 11, 12], rest);
        Assert.Equal(1, ring.Dropped);
    }

    [Fact]
    public async Task A_waiting_reader_wakes_on_write_and_on_close()
    {
        var ring = new RecordingBuffer(16);
        var reader = Task.Run(() =>
        {
            var got = new List<float>();
            var chunk = new float[16];
            for (int n; (n = ring.Read(chunk)) > 0;) got.AddRange(chunk[..n]);
            return got;
        });
        await Task.Delay(50);
        ring.Write([1, 2]);
        await Task.Delay(50);
        ring.Write([3]);
        ring.Close();
        Assert.Equal([1f, 2, 3], await reader.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
