using BroadcastHub.Station.Tests.Support;

namespace BroadcastHub.Station.Tests.Cache;

public sealed class MediaCacheConcurrencyTests
{
    [Fact]
    public async Task Downloads_run_at_most_the_configured_number_at_once()
    {
        await using var h = await CacheHarness.StartAsync(maxConcurrent: 2);
        var hashes = Enumerable.Range(10, 6).Select(i => h.Hub.Add(CacheHarness.Audio(20_000, i))).ToList();
        h.Hub.Hold = TimeSpan.FromMilliseconds(150);

        await Task.WhenAll(hashes.Select(sha => h.Cache.EnsureAsync(sha)));

        Assert.Equal(6, h.Hub.Requests.Count);
        Assert.Equal(2, h.Hub.MaxInFlight);
        Assert.All(hashes, sha => Assert.True(h.Cache.Contains(sha)));
    }

    [Fact]
    public async Task Callers_asking_for_the_same_file_at_once_share_one_download()
    {
        await using var h = await CacheHarness.StartAsync(maxConcurrent: 4);
        var sha = h.Hub.Add(CacheHarness.Audio(100_000, 20));
        h.Hub.Hold = TimeSpan.FromMilliseconds(100);

        var paths = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => h.Cache.EnsureAsync(sha)));

        Assert.Single(paths.Distinct());
        Assert.Single(h.Hub.Requests);
    }
}
