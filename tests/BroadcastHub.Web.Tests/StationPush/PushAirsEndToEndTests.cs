using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Web.Tests.AgentEndToEnd;
using BroadcastHub.Web.Tests.EndToEnd;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.StationPush;

/// <summary>
/// An emergency and a stop requested on the hub, measured on the agent's paced <c>file</c> output (a real hub process
/// and a real agent process): the first sample is written within 3 s of the emergency request, and the recording stops
/// growing within 3 s of the stop request.
/// </summary>
public sealed class PushAirsEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task An_emergency_is_on_the_agents_output_and_a_stop_ends_it_each_within_3_s_of_the_request()
    {
        await using var rig = await HubWithAgent.StartAsync("Xã khẩn cấp");
        try
        {
            await WaitForPushAsync(rig.Agent);
            var bulletin = await rig.Hub.ApprovedToneAsync(20.0, 440, "Thông báo khẩn");

            var requested = Stopwatch.StartNew();
            var response = await rig.Hub.Http.PostAsJsonAsync("/api/emergency", new { communeIds = new[] { rig.CommuneId }, bulletinId = bulletin });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var firstSample = await WaitAsync(() => rig.Agent.Recordings(rig.ZoneId).Select(f => new FileInfo(f).Length).FirstOrDefault() > 4096, "the first samples");
            output.WriteLine($"emergency: samples on the output {firstSample.TotalMilliseconds:0} ms after the request");
            Assert.True(firstSample <= Budget, $"the emergency reached the output after {firstSample.TotalSeconds:0.0} s");

            await Task.Delay(TimeSpan.FromSeconds(2));
            var recording = Assert.Single(rig.Agent.Recordings(rig.ZoneId));
            var stopRequested = Stopwatch.StartNew();
            Assert.Equal(HttpStatusCode.Accepted, (await rig.Hub.Http.PostAsync($"/api/zones/{rig.ZoneId}/stop", null)).StatusCode);
            var lastGrowth = await LastGrowthAsync(recording, stopRequested);
            output.WriteLine($"stop: the recording stopped growing {lastGrowth.TotalMilliseconds:0} ms after the request");
            Assert.True(lastGrowth <= Budget, $"the output still grew {lastGrowth.TotalSeconds:0.0} s after the stop");
            await Task.Delay(TimeSpan.FromSeconds(1));
            var wave = BroadcastWaveFile.Read(recording);
            Assert.InRange(wave.DurationSeconds, 1.0, 12.0);   // cut well before the tone's 20 s
        }
        finally
        {
            output.WriteLine(rig.Output);
        }
    }

    private static async Task WaitForPushAsync(AgentEndToEnd.AgentProcess agent) =>
        await WaitAsync(async () => (await agent.HealthAsync()).GetProperty("push").GetString() == "connected", "push connected", TimeSpan.FromSeconds(60));

    private static Task<TimeSpan> WaitAsync(Func<bool> condition, string what) => WaitAsync(() => Task.FromResult(condition()), what, TimeSpan.FromSeconds(15));

    private static async Task<TimeSpan> WaitAsync(Func<Task<bool>> condition, string what, TimeSpan budget)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < budget)
        {
            if (await condition()) return watch.Elapsed;
            await Task.Delay(20);
        }
        throw new TimeoutException($"no {what} within {budget.TotalSeconds} s");
    }

    /// <summary>When (since <paramref name="since"/> started) the file last grew, once it has not grown for 2 s.</summary>
    private static async Task<TimeSpan> LastGrowthAsync(string file, Stopwatch since)
    {
        var length = new FileInfo(file).Length;
        var grewAt = since.Elapsed;
        while (since.Elapsed - grewAt < TimeSpan.FromSeconds(2) && since.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
            var now = new FileInfo(file).Length;
            if (now != length) (length, grewAt) = (now, since.Elapsed);
        }
        return grewAt;
    }
}
