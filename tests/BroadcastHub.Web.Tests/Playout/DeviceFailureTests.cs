using BroadcastHub.Core.Airtime;
using BroadcastHub.Data;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Playout;
using BroadcastHub.Web.Playout;
using BroadcastHub.Web.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Tests.Playout;

[Collection(AppCollection.Name)]
public sealed class DeviceFailureTests(AppFactory app)
{
    [Fact]
    public async Task A_sound_card_that_fails_to_open_is_retried_then_the_session_airs_on_the_fallback_output()
    {
        var (scenario, bulletins) = await ZoneWithTonesAsync(AppFactory.BrokenZoneId, "Xã mất loa", 1.0);
        var start = DateTimeOffset.UtcNow.AddSeconds(3.2);
        var occ = scenario.OccurrenceInCommune(AppFactory.BrokenZoneId, start, start.AddMinutes(5), bulletins);

        scenario.Engine.Arm(occ.Id);
        var record = Assert.Single(await scenario.WaitForAirtimeAsync(occ, 1, TimeSpan.FromSeconds(30)));

        // Two retries (500 ms apart) fit in the 3 s preroll, so the fallback still starts on the instant.
        Assert.Equal(AirtimeOutcome.Completed, record.Outcome);
        Assert.InRange((record.ActualStart!.Value - start).TotalMilliseconds, -50, 250);
        Assert.Equal(1.0, record.PlayedSeconds, 3);
        Assert.Contains("alsa:nosuchdevice failed", record.Error);
        Assert.Contains("fallback output file", record.Error);
        Assert.NotNull(app.Services.GetRequiredService<ZoneOutputs>().StateOf(AppFactory.BrokenZoneId).LastError);
        Assert.Single(Directory.GetFiles(Recordings(AppFactory.BrokenZoneId), "*-fallback.wav"));
    }

    [Fact]
    public async Task A_card_that_fails_mid_air_records_the_item_on_air_Failed_and_the_rest_airs_on_the_reopened_card()
    {
        var (scenario, bulletins) = await ZoneWithTonesAsync(AppFactory.FlakyZoneId, "Xã loa chập chờn", 1.0, 1.0, 1.0);
        var start = DateTimeOffset.UtcNow.AddSeconds(3.2);
        var occ = scenario.OccurrenceInCommune(AppFactory.FlakyZoneId, start, start.AddMinutes(5), bulletins);

        scenario.Engine.Arm(occ.Id);
        var records = await AllRecordsAsync(scenario, occ, 3);

        Assert.Equal([0, 1, 2], records.Select(r => r.Position));
        Assert.Equal(AirtimeOutcome.Completed, records[0].Outcome);
        Assert.Equal(1.0, records[0].PlayedSeconds, 3);
        Assert.Null(records[0].Error);
        Assert.Equal(AirtimeOutcome.Failed, records[1].Outcome);
        Assert.Equal(0.5, records[1].PlayedSeconds, 3);
        Assert.Contains("Device write failed after 1.5 s", records[1].Error);
        Assert.Contains(records[2].Outcome, new[] { AirtimeOutcome.Completed, AirtimeOutcome.Late });
        Assert.Equal(1.0, records[2].PlayedSeconds, 3);
        Assert.Contains("aired on fail-after:1.5:null after retry 1", records[2].Error);
        // The rest resumes after the 500 ms retry delay (counted from the failure), not from the start of the cut item;
        // the reopening itself takes ~100 ms, more on a loaded machine.
        var gap = (records[2].ActualStart!.Value - records[1].ActualEnd!.Value).TotalMilliseconds;
        Assert.InRange(gap, 450, 1500);
        Assert.Contains("Device write failed", app.Services.GetRequiredService<ZoneOutputs>().StateOf(AppFactory.FlakyZoneId).LastError);
    }

    [Fact]
    public async Task A_card_unplugged_mid_air_is_retried_then_the_rest_of_the_session_airs_on_the_fallback_output()
    {
        var (scenario, bulletins) = await ZoneWithTonesAsync(AppFactory.UnpluggedZoneId, "Xã rút loa", 1.0, 1.0, 1.0);
        var start = DateTimeOffset.UtcNow.AddSeconds(3.2);
        var occ = scenario.OccurrenceInCommune(AppFactory.UnpluggedZoneId, start, start.AddMinutes(5), bulletins);

        scenario.Engine.Arm(occ.Id);
        var records = await AllRecordsAsync(scenario, occ, 3);

        Assert.Equal(AirtimeOutcome.Completed, records[0].Outcome);
        Assert.Equal(1.0, records[0].PlayedSeconds, 3);
        Assert.Equal(AirtimeOutcome.Failed, records[1].Outcome);
        Assert.Equal(0.5, records[1].PlayedSeconds, 3);
        Assert.Contains("Device write failed after 1.5 s", records[1].Error);
        Assert.Contains(records[2].Outcome, new[] { AirtimeOutcome.Completed, AirtimeOutcome.Late });
        Assert.Equal(1.0, records[2].PlayedSeconds, 3);
        Assert.Contains("aired on the fallback output file", records[2].Error);
        Assert.Contains("unplugged", records[2].Error);
        Assert.Equal(2.5, records.Sum(r => r.PlayedSeconds), 3);
        // Two reopenings 500 ms apart failed before the fallback took over.
        var gap = (records[2].ActualStart!.Value - records[1].ActualEnd!.Value).TotalMilliseconds;
        Assert.InRange(gap, 950, 2000);
        var fallback = Assert.Single(Directory.GetFiles(Recordings(AppFactory.UnpluggedZoneId), "*-fallback.wav"));
        Assert.Equal(44100 * 2, new FileInfo(fallback).Length - DataOffset(fallback));
        using var scope = app.Services.CreateScope();
        var alerts = scope.ServiceProvider.GetRequiredService<StationAlerts>().Current();
        // One translated line; the device's own (English) text stays in the log.
        Assert.Contains(alerts, a => a.Code == "output_error" && a.Message.Contains("Xã rút loa")
            && a.Message.EndsWith(": thiết bị phát âm thanh báo lỗi; chi tiết trong nhật ký hệ thống.", StringComparison.Ordinal));
        Assert.DoesNotContain(alerts, a => a.Message.Contains("unplugged"));
    }

    private async Task<IReadOnlyList<AirtimeRecord>> AllRecordsAsync(PlayoutScenario scenario, Core.Scheduling.Occurrence occ, int count)
    {
        await scenario.WaitForAirtimeAsync(occ, count, TimeSpan.FromSeconds(30));
        await Task.Delay(500);
        var settled = scenario.Airtime(occ).OrderBy(r => r.Position).ToList();
        Assert.Equal(count, settled.Count);
        Assert.Equal(count, settled.Select(r => r.Position).Distinct().Count());
        return settled;
    }

    private async Task<(PlayoutScenario, Core.Library.Bulletin[])> ZoneWithTonesAsync(long zoneId, string name, params double[] seconds)
    {
        using (var c = app.Services.GetRequiredService<AppDatabase>().Open())
        {
            c.Execute("INSERT OR IGNORE INTO communes (id, name, created_at) VALUES (@id, @name, '2026-01-01T00:00:00.0000000Z')", new { id = zoneId, name });
            c.Execute("INSERT OR IGNORE INTO zones (id, commune_id, name) VALUES (@id, @id, @name)", new { id = zoneId, name });
        }
        var scenario = new PlayoutScenario(app);
        var bulletins = new List<Core.Library.Bulletin>();
        foreach (var s in seconds) bulletins.Add(await scenario.ApprovedToneAsync(s));
        return (scenario, bulletins.ToArray());
    }

    private string Recordings(long zoneId) =>
        Path.Combine(app.Services.GetRequiredService<IOptions<BroadcastHubOptions>>().Value.RecordingsPath, $"zone{zoneId}");

    private static long DataOffset(string wav)
    {
        var bytes = File.ReadAllBytes(wav);
        for (var i = 12; i + 8 <= bytes.Length;)
        {
            var size = BitConverter.ToInt32(bytes, i + 4);
            if (bytes.AsSpan(i, 4).SequenceEqual("data"u8)) return i + 8;
            i += 8 + size + (size & 1);
        }
        throw new InvalidDataException("no data chunk");
    }
}
