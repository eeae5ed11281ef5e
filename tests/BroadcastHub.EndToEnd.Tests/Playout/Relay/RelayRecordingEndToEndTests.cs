using System.Net;
using BroadcastHub.TestStreams;
using BroadcastHub.Web.Tests.Support;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.Playout.Relay;

/// <summary>
/// Issue 13, proof: the recording of a relay that aired, fetched from <c>GET /api/airtime/{id}/recording</c> and decoded
/// by ffmpeg, is what the <c>file</c> output aired (its BWF): same length, aligned, alike, as loud.
/// </summary>
[Collection(RelayAirCollection.Name)]
public sealed class RelayRecordingEndToEndTests(RelayAppFactory app, ITestOutputHelper output)
{
    private const int Rate = SourceSignal.SampleRate, Seconds = 12;

    [Fact]
    public async Task The_recording_of_an_aired_relay_plays_back_and_matches_the_aired_audio()
    {
        await app.FillAsync();
        await using var server = await LiveMp3Server.StartAsync();
        var start = DateTimeOffset.UtcNow.AddSeconds(RelayAppFactory.PrerollSeconds + 2);
        var occ = app.Occurrence(start, start.AddMinutes(2), (object)(app.Source(server.Url), (double)Seconds));

        app.Scenario.Engine.Arm(occ.Id);
        var relay = Assert.Single(await app.Scenario.WaitForAirtimeAsync(occ, 1, TimeSpan.FromSeconds(60)));
        using var api = await app.CreateApiClientAsync();
        var listed = (await (await api.GetAsync($"/api/airtime?from={occ.LocalDate:yyyy-MM-dd}")).JsonAsync()).EnumerateArray()
            .Single(r => r.GetProperty("id").GetInt64() == relay.Id);
        var url = listed.GetProperty("recordingUrl").GetString();
        Assert.Equal($"/api/airtime/{relay.Id}/recording", url);
        var response = await api.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/ogg", response.Content.Headers.ContentType?.MediaType);
        var file = Path.Combine(Path.GetTempPath(), $"relay-proof-{Guid.NewGuid():N}.opus");
        try
        {
            await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
            var recorded = RecordingProof.Decode(file, Rate, 1);
            var aired = app.Aired(occ).Samples[..(Seconds * Rate)];
            Assert.InRange(recorded.Length - aired.Length, -Rate * 30 / 1000, Rate * 30 / 1000);
            // The source is band-limited noise, the hardest case for a 32 kbit/s perceptual codec: the waveform
            // correlates about 0.91 (speech: 0.98); anything unrelated correlates near 0.
            foreach (var at in new[] { 2, 6, 10 })
            {
                var (lag, peak) = RecordingProof.Best(aired, recorded, at * Rate, Rate, 480);
                output.WriteLine($"{at} s in: lag {lag} samples, correlation {peak:0.000}");
                Assert.True(Math.Abs(lag) <= 2 && peak > 0.8, $"{at} s in: lag {lag} samples, correlation {peak:0.000}");
            }
            var (recordedLufs, airedLufs) = (RecordingProof.Lufs(file), RecordingProof.Lufs(aired, Rate, 1));
            output.WriteLine($"{recorded.Length - aired.Length} samples longer; {recordedLufs} LUFS recorded, {airedLufs} LUFS aired");
            Assert.InRange(recordedLufs - airedLufs, -0.5, 0.5);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
