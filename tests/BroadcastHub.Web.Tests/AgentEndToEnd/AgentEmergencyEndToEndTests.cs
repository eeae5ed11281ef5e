using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Web.Tests.EndToEnd;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.AgentEndToEnd;

/// <summary>
/// An emergency and a stop made on the hub, measured on the agent's own recording: from the request to the first sample,
/// and from the stop request to the last sample, each within 3 s (push channel, agent playout, paced file output).
/// </summary>
public sealed class AgentEmergencyEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task An_emergency_is_on_air_on_the_agent_within_3_s_of_the_request_and_a_stop_silences_it_within_3_s()
    {
        await using var rig = await HubWithAgent.StartAsync("Xã khẩn cấp");
        try
        {
            var bulletinId = await rig.Hub.ApprovedToneAsync(30.0, 880, "Báo động");
            await rig.Agent.WaitForHealthAsync(h => h.GetProperty("push").GetString() == "connected", TimeSpan.FromSeconds(30));

            var requested = DateTimeOffset.UtcNow;
            var response = await rig.Hub.Http.PostAsJsonAsync("/api/emergency", new { communeIds = new[] { rig.CommuneId }, bulletinId });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            var recording = await rig.Agent.WaitForRecordingAsync(rig.ZoneId, TimeSpan.FromSeconds(10));
            await Task.Delay(TimeSpan.FromSeconds(4));
            var stopAt = DateTimeOffset.UtcNow;
            Assert.Equal(HttpStatusCode.Accepted, (await rig.Hub.Http.PostAsync($"/api/zones/{rig.ZoneId}/stop", null)).StatusCode);
            await rig.Agent.WaitForHealthAsync(h => h.GetProperty("playout").GetProperty("onAir").GetArrayLength() == 0, TimeSpan.FromSeconds(10));

            var wave = BroadcastWaveFile.Read(recording);
            var first = wave.FirstSampleInstant(HubWithAgent.Zone);
            var last = first.AddSeconds(wave.DurationSeconds);
            output.WriteLine($"first sample {(first - requested).TotalMilliseconds:0} ms after the request; last {(last - stopAt).TotalMilliseconds:0} ms after the stop");
            Assert.InRange(first - requested, TimeSpan.Zero, Budget);
            Assert.InRange(last - stopAt, TimeSpan.Zero, Budget);
        }
        finally
        {
            output.WriteLine(rig.Output);
        }
    }
}
