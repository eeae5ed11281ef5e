using System.Diagnostics;
using BroadcastHub.TestStreams;

namespace BroadcastHub.Playout.Tests.Relay;

/// <summary>The local test streams send what they claim: ffmpeg decoding them matches the known source at the instant.</summary>
[Collection(LiveStreams.Name)]
public sealed class LiveServerTests
{
    [Fact]
    public async Task The_mp3_stream_is_live_and_matches_the_source()
    {
        await using var server = await LiveMp3Server.StartAsync();
        var (audio, startedAt) = await DecodeAsync(server.Url, seconds: 3);
        var tail = audio[^SourceSignal.SampleRate..];
        var match = SourceCorrelation.Match(tail, startedAt.AddSeconds((audio.Length - tail.Length) / (double)SourceSignal.SampleRate), server.Origin, 3, minLatencySeconds: -1.5);
        Assert.True(match.Correlation > 0.9, $"correlation {match.Correlation:0.000}");
        Assert.InRange(match.LatencySeconds, -0.5, 1.5);
    }

    [Fact]
    public async Task The_hls_stream_slides_and_matches_the_source()
    {
        await using var server = await LiveHlsServer.StartAsync();
        var (audio, _) = await DecodeAsync(server.Url, seconds: 4);
        var window = audio[..SourceSignal.SampleRate];
        // ffmpeg reads a live playlist from three segments before its end, as fast as it can: the first second decoded
        // is what the source sent about 6 s before the server started.
        var match = SourceCorrelation.Match(window, server.Origin.AddSeconds(8.5), server.Origin, 8.5);
        Assert.True(match.Correlation > 0.9, $"correlation {match.Correlation:0.000}");
    }

    [Fact]
    public async Task A_killed_stream_refuses_for_the_outage_then_serves_again()
    {
        await using var server = await LiveMp3Server.StartAsync();
        server.Kill(TimeSpan.FromSeconds(5));
        using var http = new HttpClient();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetAsync(server.Url, HttpCompletionOption.ResponseHeadersRead));
        var left = server.KilledAt!.Value.AddSeconds(5.2) - DateTimeOffset.UtcNow;
        if (left > TimeSpan.Zero) await Task.Delay(left);
        using var response = await http.GetAsync(server.Url, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<(float[] Audio, DateTimeOffset StartedAt)> DecodeAsync(Uri url, int seconds)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-nostdin", "-loglevel", "error", "-i", url.ToString(), "-t", seconds.ToString(), "-f", "f32le", "-ac", "1", "-ar", "48000", "pipe:1" })
            start.ArgumentList.Add(a);
        var startedAt = DateTimeOffset.UtcNow;
        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        using var bytes = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(bytes);
        await process.WaitForExitAsync();
        var samples = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes.ToArray(), 0, samples, 0, samples.Length * 4);
        return (samples, startedAt);
    }
}

/// <summary>The real-time stream tests run one at a time: each paces audio against the wall clock.</summary>
[CollectionDefinition(Name)]
public sealed class LiveStreams
{
    public const string Name = "live streams";
}
