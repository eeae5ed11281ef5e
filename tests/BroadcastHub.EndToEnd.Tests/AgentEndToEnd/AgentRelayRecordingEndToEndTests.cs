using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.TestStreams;
using BroadcastHub.Web.Tests.EndToEnd;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.AgentEndToEnd;

/// <summary>
/// Issue 13, proof on a station agent: the agent relays a local live MP3 stream while the hub is down; once the hub
/// returns, the airtime record and then the recording reach it, and <c>GET /api/airtime/{id}/recording</c> serves a
/// file that ffmpeg decodes to the aired length.
/// </summary>
public sealed class AgentRelayRecordingEndToEndTests(ITestOutputHelper output)
{
    private const int Rate = 22050;
    private static readonly TimeSpan Ahead = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task A_relay_the_agent_airs_while_the_hub_is_down_reaches_the_hub_with_its_recording_after_it_returns()
    {
        await using var server = await LiveMp3Server.StartAsync();
        // The agent's sync back-off (5 s doubling to 5 min by default) is set to 1 s doubling to 5 s: the test waits for
        // the hub's return, not for a long back-off step (the back-off itself is tested in BroadcastHub.Station.Tests).
        await using var rig = await HubWithAgent.StartAsync("Xã tiếp sóng trạm",
            new Dictionary<string, string> { ["BroadcastHub__Relay__AllowPrivateAddresses"] = "true" },
            new Dictionary<string, string> { ["BroadcastHub__Station__RetryFirstSeconds"] = "1", ["BroadcastHub__Station__RetryMaxSeconds"] = "5" });
        try
        {
            var (start, date, occurrenceId) = await BookedRelayAsync(rig, server.Url);
            await rig.Agent.WaitUntilCoveredAsync(start, Ahead - TimeSpan.FromSeconds(5));
            await rig.Hub.StopAsync();

            await Task.Delay(start.AddSeconds(63) - DateTimeOffset.UtcNow);
            var local = Assert.Single(Directory.GetFiles(Path.Combine(rig.Agent.DataPath, "air", "relay"), "*.opus", SearchOption.AllDirectories));
            var offline = await rig.Agent.HealthAsync();
            Assert.Equal((1L, 0L), (offline.GetProperty("pendingAirtime").GetInt64(), offline.GetProperty("pendingRecordings").GetInt64()));

            await rig.Hub.StartAsync();
            await rig.Hub.SignInAsync();
            var record = Assert.Single(await rig.WaitForHubRecordsAsync(date, occurrenceId, 1, TimeSpan.FromSeconds(150)));
            Assert.Equal(JsonValueKind.Null, record.GetProperty("bulletinId").ValueKind);
            var bytes = await RecordingAsync(rig, record.GetProperty("id").GetInt64(), TimeSpan.FromSeconds(60));

            Assert.Equal(await File.ReadAllBytesAsync(local), bytes);
            await rig.Agent.WaitForHealthAsync(h => h.GetProperty("pendingRecordings").GetInt64() == 0 && h.GetProperty("pendingAirtime").GetInt64() == 0, TimeSpan.FromSeconds(10));
            var file = Path.Combine(Path.GetTempPath(), $"agent-relay-{Guid.NewGuid():N}.opus");
            try
            {
                await File.WriteAllBytesAsync(file, bytes);
                var decoded = RecordingProof.Decode(file, Rate, 1).Length / (double)Rate;
                var played = record.GetProperty("playedSeconds").GetDouble();
                output.WriteLine($"decoded {decoded:0.000} s, played {played:0.000} s");
                Assert.Equal(60.0, played, 1);
                Assert.InRange(decoded - played, -0.1, 0.1);
            }
            finally
            {
                File.Delete(file);
            }
        }
        finally
        {
            output.WriteLine(rig.Output);
        }
    }

    private static async Task<(DateTimeOffset Start, string Date, long OccurrenceId)> BookedRelayAsync(HubWithAgent rig, Uri url)
    {
        var http = rig.Hub.Http;
        var sourceId = (await AppProcess.JsonAsync(http.PostAsJsonAsync("/api/relay-sources", new { name = "Đài tỉnh", url = url.ToString() }))).GetProperty("id").GetInt64();
        var start = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow + Ahead, HubWithAgent.Zone);
        start = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerSecond));
        var sessionId = (await AppProcess.JsonAsync(http.PostAsJsonAsync("/api/sessions",
            new { communeId = rig.CommuneId, weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = start.ToString("HH:mm:ss"), lengthMinutes = 2 }))).GetProperty("id").GetInt64();
        var date = start.ToString("yyyy-MM-dd");
        var booking = await AppProcess.JsonAsync(http.PostAsJsonAsync("/api/bookings", new { sessionId, relay = new { sourceId, minutes = 1 }, from = date, to = date }));
        return (start, date, booking.GetProperty("occurrences")[0].GetProperty("id").GetInt64());
    }

    private static async Task<byte[]> RecordingAsync(HubWithAgent rig, long airtimeId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await rig.Hub.Http.GetAsync($"/api/airtime/{airtimeId}/recording");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("audio/ogg", response.Content.Headers.ContentType?.MediaType);
                return await response.Content.ReadAsByteArrayAsync();
            }
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The hub never got the recording:\n" + rig.Output);
            await Task.Delay(500);
        }
    }
}
