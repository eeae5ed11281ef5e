using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Playout.Relay;
using BroadcastHub.TestStreams;
using BroadcastHub.Web.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Playout.Relay;

/// <summary>
/// Issue 13, on air: relays of local live streams in sessions on the <c>file</c> output — on the instant, the booked
/// length to the frame, the source's live audio; a 5 s drop filled and measured; an unreachable stream alerted before its slot.
/// </summary>
[Collection(RelayAirCollection.Name)]
public sealed class RelayAirTests(RelayAppFactory app)
{
    private const int Rate = SourceSignal.SampleRate;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private PlayoutScenario Scenario => app.Scenario;

    [Fact]
    public async Task An_mp3_relay_starts_on_the_instant_lasts_the_booked_length_and_airs_the_source_live()
    {
        await app.FillAsync();
        await using var server = await LiveMp3Server.StartAsync();
        var after = await Scenario.ApprovedAsync(ToneWav.Create(1, sampleRate: 48000, frequency: 500), 1);
        var start = DateTimeOffset.UtcNow.AddSeconds(RelayAppFactory.PrerollSeconds + 2);
        var occ = app.Occurrence(start, start.AddMinutes(2), (app.Source(server.Url), 20.0), after);

        Scenario.Engine.Arm(occ.Id);
        var records = await Scenario.WaitForAirtimeAsync(occ, 2, Wait);

        var relay = records[0];
        Assert.Equal(AirtimeOutcome.Completed, relay.Outcome);
        Assert.InRange((relay.ActualStart!.Value - start).Duration().TotalMilliseconds, 0, 100);
        Assert.Equal(20 * Rate, (long)Math.Round(relay.PlayedSeconds * Rate));
        // The connection never dropped; a loaded machine may starve ffmpeg for a moment (the jitter buffer runs dry: outage seconds, no outage).
        Assert.Equal(0, relay.Outages);
        Assert.InRange(relay.OutageSeconds!.Value, 0, 2);
        Assert.Equal(0, relay.BulletinId);
        Assert.NotNull(relay.RelaySourceId);
        Assert.Equal(relay.ActualEnd, records[1].ActualStart);
        Assert.Equal(AirtimeOutcome.Completed, records[1].Outcome);
        var (aired, _) = app.Aired(occ);
        Assert.Equal(21 * Rate, aired.Length);
        var live = SourceCorrelation.LiveShare(aired, relay.ActualStart!.Value, server.Origin, 1, 20, maxLatencySeconds: 1.5);
        Assert.True(live >= 0.75, $"{live:P0} of the seconds aired match what the source sent less than 1.5 s before");
        Assert.True(relay.RecordingPath is { } recording && File.Exists(Path.Combine(app.DataPath, recording)), relay.RecordingPath);
    }

    [Fact]
    public async Task An_hls_relay_starts_on_the_instant_lasts_the_booked_length_and_airs_the_live_edge()
    {
        await app.FillAsync();
        await using var server = await LiveHlsServer.StartAsync();
        var start = DateTimeOffset.UtcNow.AddSeconds(RelayAppFactory.PrerollSeconds + 2);
        var occ = app.Occurrence(start, start.AddMinutes(2), (object)(app.Source(server.Url), 20.0));

        Scenario.Engine.Arm(occ.Id);
        var relay = Assert.Single(await Scenario.WaitForAirtimeAsync(occ, 1, Wait));

        Assert.Equal(AirtimeOutcome.Completed, relay.Outcome);
        Assert.InRange((relay.ActualStart!.Value - start).Duration().TotalMilliseconds, 0, 100);
        Assert.Equal(20 * Rate, (long)Math.Round(relay.PlayedSeconds * Rate));
        // The connection never dropped; a loaded machine may starve ffmpeg for a moment (the jitter buffer runs dry: outage seconds, no outage).
        Assert.Equal(0, relay.Outages);
        Assert.InRange(relay.OutageSeconds!.Value, 0, 2);
        var (aired, _) = app.Aired(occ);
        Assert.Equal(20 * Rate, aired.Length);
        var live = SourceCorrelation.LiveShare(aired, relay.ActualStart!.Value, server.Origin, 1, 20, maxLatencySeconds: 8);
        Assert.True(live >= 0.75, $"{live:P0} of the seconds aired match what the source sent less than 8 s before");
    }

    [Fact]
    public async Task A_stream_killed_for_5_s_mid_relay_is_reconnected_filled_and_its_outage_measured_in_one_record()
    {
        await app.FillAsync();
        await using var server = await LiveMp3Server.StartAsync();
        var start = DateTimeOffset.UtcNow.AddSeconds(RelayAppFactory.PrerollSeconds + 2);
        var occ = app.Occurrence(start, start.AddMinutes(2), (object)(app.Source(server.Url), 24.0));

        Scenario.Engine.Arm(occ.Id);
        await Task.Delay(start.AddSeconds(6) - DateTimeOffset.UtcNow);
        server.Kill(TimeSpan.FromSeconds(5));
        var relay = Assert.Single(await Scenario.WaitForAirtimeAsync(occ, 1, Wait));

        Assert.Equal(AirtimeOutcome.Completed, relay.Outcome);
        Assert.Equal(24 * Rate, (long)Math.Round(relay.PlayedSeconds * Rate));
        var (aired, _) = app.Aired(occ);
        var filled = ToneDetector.SecondsOf(aired, Rate, RelayAppFactory.FillFrequency);
        Assert.True(relay.Outages == 1, $"{relay.Outages} outages, {relay.OutageSeconds} s, {filled} s filled: {relay.Error}");
        Assert.InRange(filled, 5, 10);
        Assert.InRange(relay.OutageSeconds!.Value, filled - 0.5, filled + 0.5);
        Assert.NotNull(server.FirstServedAfter(server.KilledAt!.Value.AddSeconds(5)));
        var before = SourceCorrelation.LiveShare(aired, relay.ActualStart!.Value, server.Origin, 1, 6, maxLatencySeconds: 1.5);
        var back = SourceCorrelation.LiveShare(aired, relay.ActualStart!.Value, server.Origin, 18, 24, maxLatencySeconds: 1.5);
        Assert.True(before >= 0.6 && back >= 0.6, $"live before the kill {before:P0}, after {back:P0}");
        Assert.Contains("away 1 time", relay.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_unreachable_at_preroll_raises_the_alert_before_the_slot_and_the_fill_airs_with_the_other_items_unaffected()
    {
        await app.FillAsync();
        var before = await Scenario.ApprovedAsync(ToneWav.Create(2, sampleRate: 48000, frequency: 500), 2);
        var after = await Scenario.ApprovedAsync(ToneWav.Create(2, sampleRate: 48000, frequency: 700), 2);
        var unreachable = app.Source(new Uri("http://127.0.0.1:9/live.mp3"));
        var start = DateTimeOffset.UtcNow.AddSeconds(RelayAppFactory.PrerollSeconds + 2);
        var occ = app.Occurrence(start, start.AddMinutes(2), before, (unreachable, 6.0), after);

        Scenario.Engine.Arm(occ.Id);
        var alert = await AlertBeforeAsync(start.AddSeconds(2));
        Assert.Contains(unreachable.Name, alert.Message, StringComparison.Ordinal);
        var records = await Scenario.WaitForAirtimeAsync(occ, 3, Wait);

        Assert.Equal([AirtimeOutcome.Completed, AirtimeOutcome.Completed, AirtimeOutcome.Completed], records.Select(r => r.Outcome));
        Assert.Equal([2.0, 6.0, 2.0], records.Select(r => Math.Round(r.PlayedSeconds, 6)));
        Assert.Equal((6.0, 1), (records[1].OutageSeconds, records[1].Outages));
        Assert.Equal(unreachable.Id, records[1].RelaySourceId);
        Assert.Equal(records[1].ActualEnd, records[2].ActualStart);
        var (aired, _) = app.Aired(occ);
        Assert.InRange(ToneDetector.SecondsOf(aired.AsSpan(2 * Rate, 6 * Rate), Rate, RelayAppFactory.FillFrequency), 5.5, 6);
        Assert.InRange(ToneDetector.SecondsOf(aired.AsSpan(8 * Rate, 2 * Rate), Rate, 700), 1.9, 2);

        using var api = await app.CreateApiClientAsync();
        var day = occ.LocalDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var listed = await api.GetFromJsonAsync<JsonElement>($"/api/airtime?from={day}&to={day}&communeId={occ.CommuneId}");
        var shown = listed.EnumerateArray().Single(r => r.GetProperty("occurrenceId").GetInt64() == occ.Id && r.GetProperty("position").GetInt32() == 1);
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("bulletinId").ValueKind);
        Assert.Equal(unreachable.Id, shown.GetProperty("relaySourceId").GetInt64());
        Assert.Equal((6.0, 1), (shown.GetProperty("outageSeconds").GetDouble(), shown.GetProperty("outages").GetInt32()));
        Assert.Equal($"/api/airtime/{records[1].Id}/recording", shown.GetProperty("recordingUrl").GetString());
        var csv = await api.GetStringAsync($"/api/airtime/export?format=csv&from={day}&to={day}");
        Assert.Contains("Tiếp sóng: " + unreachable.Name, csv, StringComparison.Ordinal);
        var xlsx = await api.GetAsync($"/api/airtime/export?format=xlsx&from={day}&to={day}");
        Assert.Equal(System.Net.HttpStatusCode.OK, xlsx.StatusCode);
        using (var c = app.Services.GetRequiredService<BroadcastHub.Data.AppDatabase>().Open())
            Assert.Equal(1, Dapper.SqlMapper.ExecuteScalar<int>(c, "SELECT count(*) FROM airtime WHERE relay_source_id = @id AND chain_form = 3", new { id = unreachable.Id }));
        Assert.True(app.Services.GetRequiredService<BroadcastHub.Data.Repositories.AirtimeRepository>().Verify().Intact);
    }

    private async Task<StationAlert> AlertBeforeAsync(DateTimeOffset slot)
    {
        while (DateTimeOffset.UtcNow < slot)
        {
            using var scope = app.Services.CreateScope();
            if (scope.ServiceProvider.GetRequiredService<StationAlerts>().Current().FirstOrDefault(a => a.Code == RelayAlerts.Code) is { } alert)
                return alert;
            await Task.Delay(100);
        }
        throw new TimeoutException("no relay alert before the slot");
    }
}
