using BroadcastHub.Playout.Relay;
using BroadcastHub.TestStreams;
using Microsoft.Extensions.Logging.Abstractions;
using NAudio.Wave;

namespace BroadcastHub.Playout.Tests.Relay;

/// <summary>A relay item over real ffmpeg and the local live streams: live audio, a drop and its fill, the return to live.</summary>
[Collection(LiveStreams.Name)]
public sealed class LiveStreamTests
{
    private const int Rate = SourceSignal.SampleRate;
    private static readonly WaveFormat House = WaveFormat.CreateIeeeFloatWaveFormat(Rate, 1);

    private static LiveStream Open(Uri url) =>
        new("ffmpeg", url.ToString(), House, TimeSpan.FromSeconds(2), TimeProvider.System, NullLogger.Instance);

    /// <summary>A stream of <paramref name="url"/> that has given audio and then run <paramref name="settle"/> more, in a relay of <paramref name="seconds"/>.</summary>
    private static async Task<LiveRelay> LiveRelayAsync(Uri url, TimeSpan settle, int seconds, RelayFill? fill = null)
    {
        var stream = Open(url);
        try
        {
            await stream.FirstAudio.WaitAsync(TimeSpan.FromSeconds(10));
            await Task.Delay(settle);
            return new LiveRelay(stream, new RelayItemProvider(stream, seconds * Rate, fill ?? RelayFill.Silence(Rate, 1)));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private sealed record LiveRelay(LiveStream Stream, RelayItemProvider Relay) : IDisposable
    {
        public void Dispose()
        {
            Relay.Dispose();
            Stream.Dispose();
        }
    }

    [Fact]
    public async Task An_mp3_relay_gives_exactly_the_booked_frames_of_what_the_source_sends_live()
    {
        await using var server = await LiveMp3Server.StartAsync();
        using var live = await LiveRelayAsync(server.Url, TimeSpan.FromMilliseconds(1500), 4);
        var relay = live.Relay;

        var (audio, startedAt) = await RealTimePump.RunAsync(relay, 4);

        Assert.Equal(4 * Rate, audio.Length);
        Assert.Equal(0, relay.Outages);
        Assert.InRange(relay.OutageSeconds, 0, 2);
        var match = SourceCorrelation.Match(audio[Rate..], startedAt.AddSeconds(1), server.Origin, 2, -0.5);
        Assert.True(match.Correlation > 0.9, $"correlation {match.Correlation:0.000}");
        Assert.InRange(match.LatencySeconds, 0, 1);
    }

    [Fact]
    public async Task A_stream_killed_for_5_s_is_filled_counted_as_one_outage_and_resumes_live()
    {
        await using var server = await LiveMp3Server.StartAsync();
        using var live = await LiveRelayAsync(server.Url, TimeSpan.FromSeconds(1), 13, new RelayFill([() => new ToneFill(House, 1000, 1.5)], Rate, 1));
        var (stream, relay) = (live.Stream, live.Relay);
        var killed = false;

        var (audio, startedAt) = await RealTimePump.RunAsync(relay, 13, at: seconds =>
        {
            if (seconds < 2 || killed) return;
            killed = true;
            server.Kill(TimeSpan.FromSeconds(5));
        });

        Assert.Equal(13 * Rate, audio.Length);
        Assert.Equal(1, relay.Outages);
        Assert.Equal(2, stream.Connections);
        var filled = ToneFill.SecondsOf(audio, Rate, 1000);
        Assert.InRange(relay.OutageSeconds, 5, 9);
        Assert.InRange(relay.OutageSeconds, filled - 0.5, filled + 0.5);
        Assert.Equal((relay.OutageSeconds, 1), relay.OutageUpTo(audio.Length));
        var back = SourceCorrelation.LiveShare(audio, startedAt, server.Origin, 10, 13, maxLatencySeconds: 2, minLatencySeconds: -0.5);
        Assert.True(back >= 0.6, $"live again at the end: {back:P0} of the seconds match the source");
    }

    [Fact]
    public async Task An_hls_relay_airs_the_live_edge_without_gaps()
    {
        await using var server = await LiveHlsServer.StartAsync();
        using var live = await LiveRelayAsync(server.Url, TimeSpan.FromSeconds(5), 5);
        var relay = live.Relay;

        var (audio, startedAt) = await RealTimePump.RunAsync(relay, 5);

        Assert.Equal(5 * Rate, audio.Length);
        Assert.InRange(relay.OutageSeconds, 0, 2);
        var match = SourceCorrelation.Match(audio[(3 * Rate)..], startedAt.AddSeconds(3), server.Origin, 8, -0.5);
        Assert.True(match.Correlation > 0.9, $"correlation {match.Correlation:0.000}");
        Assert.InRange(match.LatencySeconds, 0, 8);
    }

    [Fact]
    public async Task An_unreachable_stream_reports_why_and_airs_silence_counted_as_outage()
    {
        var closed = new Uri("http://127.0.0.1:9/none.mp3");
        using var stream = Open(closed);
        var lost = new TaskCompletionSource<string>();
        stream.ConnectionLost += error => lost.TrySetResult(error);
        var error = await lost.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var relay = new RelayItemProvider(stream, Rate, RelayFill.Silence(Rate, 1));

        var (audio, _) = await RealTimePump.RunAsync(relay, 1);

        Assert.False(stream.FirstAudio.IsCompleted);
        Assert.Contains("refused", error, StringComparison.OrdinalIgnoreCase);
        Assert.All(audio, s => Assert.Equal(0f, s));
        Assert.Equal((1.0, 1), (relay.OutageSeconds, relay.Outages));
    }

    [Fact]
    public void Only_http_and_https_streams_are_opened()
    {
        Assert.Throws<ArgumentException>(() => Open(new Uri("file:///etc/passwd")));
        Assert.Throws<ArgumentException>(() => new LiveStream("ffmpeg", "rtmp://x/y", House, TimeSpan.FromSeconds(1), TimeProvider.System, NullLogger.Instance));
    }
}
