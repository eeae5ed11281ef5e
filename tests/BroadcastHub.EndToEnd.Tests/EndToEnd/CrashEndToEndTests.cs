using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Web.Tests.Support;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.EndToEnd;

/// <summary>
/// Power cut in the middle of a session: the real executable is killed with SIGKILL while the second of three
/// items is on air, then started again on the same data folder.
/// </summary>
public sealed class CrashEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task After_kill_9_mid_session_the_log_shows_the_cut_item_the_resumed_rest_and_no_double_airing()
    {
        await using var app = new AppProcess(new Dictionary<string, string> { ["BroadcastHub__HouseFormat__SampleRate"] = "22050" });
        await app.StartAsync();
        await app.SignInAsync();
        try
        {
            var communeId = await app.CommuneAsync("Xã mất điện");
            var ids = new List<long>();
            foreach (var tone in new[] { 440, 550, 660 }) ids.Add(await app.ApprovedToneAsync(3.0, tone, $"Bản tin {tone}"));
            var (start, date, occurrenceId) = await app.BookedSessionAsync(communeId, TimeSpan.FromSeconds(12), 2, ids);

            await Task.Delay(start.AddSeconds(4.5) - DateTimeOffset.UtcNow);
            var killing = DateTimeOffset.UtcNow;
            await app.KillAsync();
            var killedAt = DateTimeOffset.UtcNow;
            await app.StartAsync();
            await app.SignInAsync();

            var records = await WaitForRecords(app, date, occurrenceId, 3, TimeSpan.FromSeconds(40));
            foreach (var r in records) output.WriteLine(r.ToString());
            Assert.Equal(3, records.Count);
            Assert.Equal([0, 1, 2], records.Select(r => r.GetProperty("position").GetInt32()));
            Assert.Equal("Completed", Outcome(records[0]));
            Assert.Equal(3.0, records[0].GetProperty("playedSeconds").GetDouble(), 2);
            Assert.Equal("Interrupted", Outcome(records[1]));
            // The cut item is recorded up to the last heartbeat (4 per second) before the kill, wherever a busy machine
            // let the kill land: at most 0.25 s (plus scheduling slack) before it, never after the process was gone.
            var cutStart = records[1].GetProperty("actualStart").GetDateTimeOffset();
            Assert.InRange((killing - cutStart).TotalSeconds, 1.0, 2.9);
            Assert.InRange(records[1].GetProperty("playedSeconds").GetDouble(),
                (killing - cutStart).TotalSeconds - 0.35, (killedAt - cutStart).TotalSeconds + 0.01);
            Assert.Contains(Outcome(records[2]), new[] { "Completed", "Late" }); // Late only if the restart took over a second past its planned start
            Assert.Equal(3.0, records[2].GetProperty("playedSeconds").GetDouble(), 2);
            Assert.True(records[2].GetProperty("actualStart").GetDateTimeOffset() > killedAt);

            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal(3, (await Airtime(app, date)).Count(r => r.GetProperty("occurrenceId").GetInt64() == occurrenceId));
            var files = Directory.GetFiles(Path.Combine(app.DataPath, "air"), "*.wav", SearchOption.AllDirectories);
            var resumed = BroadcastWaveFile.Read(Assert.Single(files, f => f.Contains("-resume1", StringComparison.Ordinal)));
            Assert.Equal(3.0, resumed.DurationSeconds, 2);
        }
        finally
        {
            output.WriteLine(app.Output);
        }
    }

    private static string Outcome(JsonElement record) => record.GetProperty("outcome").GetString()!;

    private static async Task<List<JsonElement>> WaitForRecords(AppProcess app, string date, long occurrenceId, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<JsonElement> found = [];
        while (DateTime.UtcNow < deadline)
        {
            found = (await Airtime(app, date)).Where(r => r.GetProperty("occurrenceId").GetInt64() == occurrenceId)
                .OrderBy(r => r.GetProperty("position").GetInt32()).ToList();
            if (found.Count >= count) return found;
            await Task.Delay(500);
        }
        return found;
    }

    private static async Task<List<JsonElement>> Airtime(AppProcess app, string date) =>
        (await app.Http.GetFromJsonAsync<JsonElement>($"/api/airtime?from={date}&to={date}")).EnumerateArray().ToList();
}
