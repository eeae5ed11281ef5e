extern alias station;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Features.Stations;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using station::BroadcastHub.Station.Playout;

namespace BroadcastHub.Web.Tests.Features.Relay;

/// <summary>A commune's evergreen playlist reaches its station agent (it fills relay gaps there): in the manifest, stored, its media cached.</summary>
[Collection(AppCollection.Name)]
public sealed class RelayEvergreenManifestTests(AppFactory app)
{
    [Fact]
    public async Task The_manifest_carries_the_evergreen_playlist_and_the_agent_caches_its_media_with_no_session_booking_it()
    {
        using var admin = await app.CreateApiClientAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var commune = await StationAgentWorld.CommuneAsync(admin, "Xã phát lại " + suffix);
        var scenario = new PlayoutScenario(app);
        var until = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var first = await scenario.ApprovedAsync(ToneWav.Create(1, sampleRate: 48000, frequency: 600), 1, until);
        var second = await scenario.ApprovedToneAsync(1.0);
        var playlist = app.Services.GetRequiredService<PlaylistRepository>().Insert("Evergreen " + suffix, [second.Id, first.Id], "test");
        app.Services.GetRequiredService<CommuneProgrammeRepository>().Save(new CommuneProgrammeSettings(commune, UnderfillMode.EndEarly, playlist.Id, null, null));
        var token = await StationAgentWorld.EnrolForCommuneAsync(app, admin, commune, "Trạm " + suffix);

        var manifest = await StationAgentWorld.ManifestAsync(app, token);
        var evergreen = manifest.GetProperty("evergreen").EnumerateArray().Single();
        Assert.Equal(commune, evergreen.GetProperty("communeId").GetInt64());
        Assert.Equal([second.Id, first.Id], evergreen.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("bulletinId").GetInt64()));
        Assert.Equal([second.PlayoutSha256, first.PlayoutSha256], evergreen.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sha256").GetString()));

        using var agent = AgentSyncHarness.ForHub(app, token);
        var synced = await agent.Sync.SyncOnceAsync(default);
        Assert.Equal(0, synced.MissingMedia);
        Assert.Empty(agent.Store.OccurrenceIds());
        Assert.True(agent.Cache.Contains(first.PlayoutSha256) && agent.Cache.Contains(second.PlayoutSha256));

        var local = new LocalPlayoutStore(agent.Database);
        Assert.Equal([second.Id, first.Id], local.EvergreenBulletins(commune));
        Assert.Empty(local.EvergreenBulletins(commune + 100_000));
        var known = local.Bulletins([first.Id, second.Id]);
        Assert.Equal((first.PlayoutSha256, first.Frames, until), (known[first.Id].PlayoutSha256, known[first.Id].Frames, known[first.Id].ValidUntil));
        Assert.True(known[first.Id].IsAirableOn(until) && !known[first.Id].IsAirableOn(until.AddDays(1)));
    }
}
