using BroadcastHub.Core.Airtime;
using BroadcastHub.Data;
using BroadcastHub.Web.Infrastructure;
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
    public async Task A_sound_card_that_fails_to_open_is_reported_and_the_session_airs_on_the_fallback_output()
    {
        using (var c = app.Services.GetRequiredService<AppDatabase>().Open())
        {
            c.Execute("INSERT OR IGNORE INTO communes (id, name, created_at) VALUES (@id, 'Xã mất loa', '2026-01-01T00:00:00.0000000Z')", new { id = AppFactory.BrokenZoneId });
            c.Execute("INSERT OR IGNORE INTO zones (id, commune_id, name) VALUES (@id, @id, 'Xã mất loa')", new { id = AppFactory.BrokenZoneId });
        }
        var scenario = new PlayoutScenario(app);
        var bulletin = await scenario.ApprovedToneAsync(1.0);
        var start = DateTimeOffset.UtcNow.AddSeconds(3.2);
        var occ = scenario.OccurrenceInCommune(AppFactory.BrokenZoneId, start, start.AddMinutes(5), bulletin);

        scenario.Engine.Arm(occ.Id);
        var record = Assert.Single(await scenario.WaitForAirtimeAsync(occ, 1, TimeSpan.FromSeconds(30)));

        Assert.Contains(record.Outcome, new[] { AirtimeOutcome.Completed, AirtimeOutcome.Late });
        Assert.Equal(1.0, record.PlayedSeconds, 3);
        Assert.Contains("alsa:nosuchdevice failed", record.Error);
        Assert.Contains("fallback output file", record.Error);
        Assert.NotNull(app.Services.GetRequiredService<ZoneOutputs>().StateOf(AppFactory.BrokenZoneId).LastError);
        var recordings = Path.Combine(app.Services.GetRequiredService<IOptions<BroadcastHubOptions>>().Value.RecordingsPath, $"zone{AppFactory.BrokenZoneId}");
        Assert.Single(Directory.GetFiles(recordings, "*-fallback.wav"));
    }
}
