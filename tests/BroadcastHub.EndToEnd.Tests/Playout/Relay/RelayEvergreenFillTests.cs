using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.TestStreams;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Playout.Relay;

/// <summary>Issue 13: a relay's gap on a commune with an evergreen playlist airs that playlist (not the fill bulletin), in order.</summary>
[Collection(RelayAirCollection.Name)]
public sealed class RelayEvergreenFillTests(RelayAppFactory app)
{
    private const int Rate = SourceSignal.SampleRate;

    [Fact]
    public async Task A_stream_killed_for_5_s_on_a_commune_with_an_evergreen_playlist_airs_the_playlist_in_the_gap()
    {
        await app.FillAsync();
        var scenario = app.Scenario;
        var first = await scenario.ApprovedAsync(ToneWav.Create(2, sampleRate: 48000, frequency: 600, amplitude: 0.2), 2);
        var second = await scenario.ApprovedAsync(ToneWav.Create(2, sampleRate: 48000, frequency: 800, amplitude: 0.2), 2);
        await using var server = await LiveMp3Server.StartAsync();
        var start = DateTimeOffset.UtcNow.AddSeconds(RelayAppFactory.PrerollSeconds + 2);
        var occ = app.Occurrence(start, start.AddMinutes(2), (object)(app.Source(server.Url), 20.0));
        var playlist = app.Services.GetRequiredService<PlaylistRepository>().Insert("Evergreen " + occ.Id, [first.Id, second.Id], "test");
        app.Services.GetRequiredService<CommuneProgrammeRepository>()
            .Save(new CommuneProgrammeSettings(occ.CommuneId, UnderfillMode.Evergreen, playlist.Id, null, null));

        scenario.Engine.Arm(occ.Id);
        await Task.Delay(start.AddSeconds(6) - DateTimeOffset.UtcNow);
        server.Kill(TimeSpan.FromSeconds(5));
        var relay = Assert.Single(await scenario.WaitForAirtimeAsync(occ, 1, TimeSpan.FromSeconds(60)));

        Assert.Equal(AirtimeOutcome.Completed, relay.Outcome);
        Assert.Equal(20 * Rate, (long)Math.Round(relay.PlayedSeconds * Rate));
        Assert.Equal(1, relay.Outages);
        var (aired, _) = app.Aired(occ);
        var (a, b) = (ToneDetector.SecondsOf(aired, Rate, 600), ToneDetector.SecondsOf(aired, Rate, 800));
        Assert.True(ToneDetector.SecondsOf(aired, Rate, RelayAppFactory.FillFrequency) < 0.2, "the fill bulletin does not air: the playlist does");
        Assert.InRange(a + b, 5, 10);
        Assert.InRange(relay.OutageSeconds!.Value, a + b - 0.5, a + b + 0.5);
        Assert.InRange(a, 1.5, 4.5);
        var gapStart = FirstSecondOf(aired, 600);
        Assert.True(gapStart < FirstSecondOf(aired, 800), "the playlist airs in order");
        Assert.InRange(gapStart, 5, 9);
    }

    private static int FirstSecondOf(float[] aired, double frequency)
    {
        for (var s = 0; s + 1 <= aired.Length / Rate; s++)
            if (ToneDetector.SecondsOf(aired.AsSpan(s * Rate, Rate), Rate, frequency) > 0.5) return s;
        return int.MaxValue;
    }
}
