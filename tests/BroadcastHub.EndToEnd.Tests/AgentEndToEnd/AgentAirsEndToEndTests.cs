using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Web.Tests.EndToEnd;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.AgentEndToEnd;

/// <summary>
/// Two real processes on one machine (hub and station agent, separate data folders, the paced <c>file</c> output):
/// the agent airs its zone's sessions from its own local data, on the instant, and the hub receives each record once.
/// </summary>
public sealed class AgentAirsEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Ahead = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task A_booked_session_airs_on_the_agent_within_100_ms_of_its_instant_and_the_hub_shows_each_record_once()
    {
        await using var rig = await HubWithAgent.StartAsync("Xã trạm riêng");
        try
        {
            var ids = new List<long> { await rig.Hub.ApprovedToneAsync(2.0, 440, "Bản tin 1"), await rig.Hub.ApprovedToneAsync(2.0, 660, "Bản tin 2") };
            var (start, date, occurrenceId) = await rig.Hub.BookedSessionAsync(rig.CommuneId, Ahead, 2, ids);
            await rig.Agent.WaitUntilCoveredAsync(start, Ahead - TimeSpan.FromSeconds(5));

            var records = await rig.WaitForHubRecordsAsync(date, occurrenceId, 2, Ahead + TimeSpan.FromSeconds(40));

            Assert.Equal([0, 1], records.Select(r => r.GetProperty("position").GetInt32()));
            Assert.All(records, r => Assert.Equal("Completed", r.GetProperty("outcome").GetString()));
            Assert.All(records, r => Assert.Equal(JsonValueKind.String, r.GetProperty("receivedAt").ValueKind));
            var wave = BroadcastWaveFile.Read(Assert.Single(rig.Agent.Recordings(rig.ZoneId)));
            var late = (wave.FirstSampleInstant(HubWithAgent.Zone) - start).TotalMilliseconds;
            output.WriteLine($"first sample {late:0.0} ms after the instant");
            Assert.InRange(late, -100, 100);
            Assert.Equal(4.0, wave.DurationSeconds, 1);
            Assert.Empty(rig.HubRecordings());

            await Task.Delay(TimeSpan.FromSeconds(6)); // another upload round: nothing doubles
            Assert.Equal(2, (await rig.HubRecordsAsync(date, occurrenceId)).Count);
            Assert.Equal(0, (await rig.Agent.HealthAsync()).GetProperty("pendingAirtime").GetInt64());
        }
        finally
        {
            output.WriteLine(rig.Output);
        }
    }

    [Fact]
    public async Task With_the_hub_stopped_the_agent_airs_on_the_instant_and_the_records_reach_the_hub_once_after_it_returns()
    {
        await using var rig = await HubWithAgent.StartAsync("Xã mất mạng");
        try
        {
            var ids = new List<long> { await rig.Hub.ApprovedToneAsync(2.0, 440, "Tin 1"), await rig.Hub.ApprovedToneAsync(2.0, 550, "Tin 2") };
            var (start, date, occurrenceId) = await rig.Hub.BookedSessionAsync(rig.CommuneId, Ahead, 2, ids);
            await rig.Agent.WaitUntilCoveredAsync(start, Ahead - TimeSpan.FromSeconds(5));
            await rig.Hub.StopAsync();

            await Task.Delay(start.AddSeconds(6) - DateTimeOffset.UtcNow);
            var wave = BroadcastWaveFile.Read(Assert.Single(rig.Agent.Recordings(rig.ZoneId)));
            Assert.InRange((wave.FirstSampleInstant(HubWithAgent.Zone) - start).TotalMilliseconds, -100, 100);
            var offline = await rig.Agent.HealthAsync();
            Assert.Equal(2, offline.GetProperty("pendingAirtime").GetInt64());
            Assert.False(offline.GetProperty("hubReachable").GetBoolean());

            await rig.Hub.StartAsync();
            await rig.Hub.SignInAsync();
            var records = await rig.WaitForHubRecordsAsync(date, occurrenceId, 2, TimeSpan.FromSeconds(60));
            Assert.Equal([0, 1], records.Select(r => r.GetProperty("position").GetInt32()));
            Assert.All(records, r => Assert.Equal("Completed", r.GetProperty("outcome").GetString()));
            await Task.Delay(TimeSpan.FromSeconds(6));
            Assert.Equal(2, (await rig.HubRecordsAsync(date, occurrenceId)).Count);
            var verify = await rig.Hub.Http.GetFromJsonAsync<JsonElement>("/api/airtime/verify");
            Assert.True(verify.GetProperty("intact").GetBoolean(), verify.ToString());
        }
        finally
        {
            output.WriteLine(rig.Output);
        }
    }

    [Fact]
    public async Task After_kill_9_of_the_agent_mid_session_the_cut_item_is_Interrupted_the_rest_resumes_and_each_record_reaches_the_hub_once()
    {
        await using var rig = await HubWithAgent.StartAsync("Xã cúp điện");
        try
        {
            var ids = new List<long>();
            foreach (var tone in new[] { 440, 550, 660 }) ids.Add(await rig.Hub.ApprovedToneAsync(3.0, tone, $"Tin {tone}"));
            var (start, date, occurrenceId) = await rig.Hub.BookedSessionAsync(rig.CommuneId, Ahead, 2, ids);
            await rig.Agent.WaitUntilCoveredAsync(start, Ahead - TimeSpan.FromSeconds(5));

            await Task.Delay(start.AddSeconds(4.5) - DateTimeOffset.UtcNow);
            await rig.Agent.KillAsync();
            var killedAt = DateTimeOffset.UtcNow;
            await rig.Agent.StartAsync();

            var records = await rig.WaitForHubRecordsAsync(date, occurrenceId, 3, TimeSpan.FromSeconds(60));
            Assert.Equal([0, 1, 2], records.Select(r => r.GetProperty("position").GetInt32()));
            Assert.Equal("Completed", records[0].GetProperty("outcome").GetString());
            Assert.Equal("Interrupted", records[1].GetProperty("outcome").GetString());
            Assert.InRange(records[1].GetProperty("playedSeconds").GetDouble(), 1.0, 2.9);
            Assert.Contains(records[2].GetProperty("outcome").GetString(), new[] { "Completed", "Late" });
            Assert.Equal(3.0, records[2].GetProperty("playedSeconds").GetDouble(), 2);
            Assert.True(records[2].GetProperty("actualStart").GetDateTimeOffset() > killedAt);
            Assert.Single(rig.Agent.Recordings(rig.ZoneId), f => f.Contains("-resume1", StringComparison.Ordinal));
            await Task.Delay(TimeSpan.FromSeconds(6));
            Assert.Equal(3, (await rig.HubRecordsAsync(date, occurrenceId)).Count);
        }
        finally
        {
            output.WriteLine(rig.Output);
        }
    }

    [Fact]
    public async Task A_cached_media_file_altered_on_disk_is_detected_before_air_and_fetched_again()
    {
        await using var rig = await HubWithAgent.StartAsync("Xã tệp hỏng");
        try
        {
            var id = await rig.Hub.ApprovedToneAsync(2.0, 440, "Tin bị sửa");
            var (start, date, occurrenceId) = await rig.Hub.BookedSessionAsync(rig.CommuneId, Ahead, 2, [id]);
            await rig.Agent.WaitUntilCoveredAsync(start, Ahead - TimeSpan.FromSeconds(5));
            var cached = Assert.Single(Directory.GetFiles(Path.Combine(rig.Agent.DataPath, "media"), "*.audio", SearchOption.AllDirectories));
            var original = await File.ReadAllBytesAsync(cached);
            var altered = (byte[])original.Clone();
            for (var i = original.Length / 2; i < original.Length / 2 + 64; i++) altered[i] ^= 0x5A;
            await File.WriteAllBytesAsync(cached, altered);

            var records = await rig.WaitForHubRecordsAsync(date, occurrenceId, 1, Ahead + TimeSpan.FromSeconds(40));

            Assert.Equal("Completed", Assert.Single(records).GetProperty("outcome").GetString());
            Assert.Equal(original, await File.ReadAllBytesAsync(cached));
            Assert.Contains("was altered on disk", rig.Agent.Output, StringComparison.Ordinal);
            var wave = BroadcastWaveFile.Read(Assert.Single(rig.Agent.Recordings(rig.ZoneId)));
            Assert.InRange((wave.FirstSampleInstant(HubWithAgent.Zone) - start).TotalMilliseconds, -100, 100);
        }
        finally
        {
            output.WriteLine(rig.Output);
        }
    }
}
