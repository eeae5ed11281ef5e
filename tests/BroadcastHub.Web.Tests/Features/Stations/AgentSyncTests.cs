extern alias station;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using station::BroadcastHub.Station.Cache;

namespace BroadcastHub.Web.Tests.Features.Stations;

/// <summary>The station agent's sync against the real hub: manifest into the local database, media cached, cancels, outages.</summary>
[Collection(AppCollection.Name)]
public sealed class AgentSyncTests(AppFactory app)
{
    [Fact]
    public async Task A_sync_stores_the_manifest_locally_and_caches_every_items_media_verified()
    {
        using var admin = await app.CreateApiClientAsync();
        var s = await StationAgentWorld.EnrolAsync(app, admin);
        using var agent = AgentSyncHarness.ForHub(app, s.Token);

        var result = await agent.Sync.SyncOnceAsync(default);

        Assert.Equal([s.Occurrence.Id], agent.Store.OccurrenceIds());
        Assert.Equal([s.Occurrence.ZoneId], agent.Store.ZoneIds());
        var state = agent.Store.State()!;
        Assert.Equal(result.Version, state.Version);
        Assert.Equal(0, result.MissingMedia);
        Assert.Equal(state.WindowUntil, state.CacheReadyUntil);
        Assert.Equal(s.Bulletins.Select(b => b.Sha256), agent.Store.MediaInAirOrder().Select(m => m.Sha256));
        foreach (var bulletin in s.Bulletins)
            Assert.Equal(MediaCheckOutcome.Intact, (await agent.Cache.VerifyAsync(bulletin.Sha256)).Outcome);
        var health = agent.Status.Snapshot();
        Assert.Equal(1, health.OccurrencesCached);
        Assert.Equal(result.Version, health.ManifestVersion);
        Assert.True(health.HubReachable);
        Assert.NotNull(health.ClockOffsetMs);
    }

    [Fact]
    public async Task An_occurrence_cancelled_on_the_hub_disappears_locally_after_the_next_sync()
    {
        using var admin = await app.CreateApiClientAsync();
        var s = await StationAgentWorld.EnrolAsync(app, admin);
        using var agent = AgentSyncHarness.ForHub(app, s.Token);
        var first = await agent.Sync.SyncOnceAsync(default);
        Assert.Equal([s.Occurrence.Id], agent.Store.OccurrenceIds());

        Assert.True(app.Services.GetRequiredService<OccurrenceRepository>().TryTransition(s.Occurrence.Id, OccurrenceState.Cancelled, DateTimeOffset.UtcNow));
        var second = await agent.Sync.SyncOnceAsync(default);

        Assert.NotEqual(first.Version, second.Version);
        Assert.Empty(agent.Store.OccurrenceIds());
        Assert.Empty(agent.Store.MediaInAirOrder());
        Assert.Equal([s.Occurrence.ZoneId], agent.Store.ZoneIds());
    }

    [Fact]
    public async Task With_the_hub_unreachable_the_agent_keeps_its_local_data_and_says_the_hub_is_unreachable()
    {
        using var admin = await app.CreateApiClientAsync();
        var s = await StationAgentWorld.EnrolAsync(app, admin);
        using var online = AgentSyncHarness.ForHub(app, s.Token);
        var synced = await online.Sync.SyncOnceAsync(default);

        using var offline = AgentSyncHarness.Unreachable(online, s.Token);
        Assert.False(await offline.Cycle.RunAsync(default));

        Assert.Equal([s.Occurrence.Id], offline.Store.OccurrenceIds());
        var health = offline.Status.Snapshot();
        Assert.False(health.HubReachable);
        Assert.Equal(synced.Version, health.ManifestVersion);
        Assert.Equal(1, health.OccurrencesCached);
        Assert.Equal(synced.CacheReadyUntil, health.CacheReadyUntil);
        Assert.Contains("unreachable", health.LastError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Media_the_hub_cannot_serve_ends_cache_ready_until_at_the_start_of_its_occurrence()
    {
        using var admin = await app.CreateApiClientAsync();
        var s = await StationAgentWorld.EnrolAsync(app, admin);
        using var agent = AgentSyncHarness.ForHub(app, s.Token);
        using var scope = app.Services.CreateScope();
        var stored = scope.ServiceProvider.GetRequiredService<BroadcastHub.Web.Features.Stations.StationMediaAccess>().PathFor(s.StationId, s.Bulletins[1].Sha256);
        File.Move(stored, stored + ".away");
        try
        {
            var result = await agent.Sync.SyncOnceAsync(default);
            Assert.Equal(1, result.MissingMedia);
            Assert.Equal(s.Occurrence.StartUtc, result.CacheReadyUntil);
            Assert.Equal(s.Occurrence.StartUtc, agent.Store.State()!.CacheReadyUntil);
        }
        finally
        {
            File.Move(stored + ".away", stored);
        }
    }
}
