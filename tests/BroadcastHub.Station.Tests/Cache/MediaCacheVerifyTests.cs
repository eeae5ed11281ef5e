using BroadcastHub.Station.Cache;
using BroadcastHub.Station.Tests.Support;

namespace BroadcastHub.Station.Tests.Cache;

public sealed class MediaCacheVerifyTests
{
    [Fact]
    public async Task An_intact_file_is_verified_without_asking_the_hub()
    {
        await using var h = await CacheHarness.StartAsync();
        var sha = h.Hub.Add(CacheHarness.Audio(40_000, 30));
        await h.Cache.EnsureAsync(sha);

        var check = await h.Cache.VerifyAsync(sha);

        Assert.Equal(MediaCheckOutcome.Intact, check.Outcome);
        Assert.Single(h.Hub.Requests);
    }

    [Fact]
    public async Task A_cached_file_altered_on_disk_is_detected_and_fetched_again()
    {
        await using var h = await CacheHarness.StartAsync();
        var content = CacheHarness.Audio(40_000, 31);
        var sha = h.Hub.Add(content);
        var path = await h.Cache.EnsureAsync(sha);
        var altered = content.ToArray();
        altered[20_000] ^= 0xFF;
        await File.WriteAllBytesAsync(path, altered);

        var check = await h.Cache.VerifyAsync(sha);

        Assert.Equal(MediaCheckOutcome.Refetched, check.Outcome);
        Assert.Equal(path, check.Path);
        Assert.Equal(content, await File.ReadAllBytesAsync(path));
        Assert.Equal(2, h.Hub.Requests.Count);
        Assert.Equal("", h.Hub.Requests.Last().Range);
    }

    [Fact]
    public async Task A_missing_file_is_fetched_before_air()
    {
        await using var h = await CacheHarness.StartAsync();
        var content = CacheHarness.Audio(40_000, 32);
        var sha = h.Hub.Add(content);
        File.Delete(await h.Cache.EnsureAsync(sha));

        var check = await h.Cache.VerifyAsync(sha);

        Assert.Equal(MediaCheckOutcome.Fetched, check.Outcome);
        Assert.Equal(content, await File.ReadAllBytesAsync(check.Path));
    }

    [Fact]
    public async Task An_altered_file_that_cannot_be_fetched_again_is_gone_not_aired()
    {
        await using var h = await CacheHarness.StartAsync(attempts: 1);
        var sha = h.Hub.Add(CacheHarness.Audio(40_000, 33));
        var path = await h.Cache.EnsureAsync(sha);
        await File.WriteAllBytesAsync(path, [1, 2, 3]);
        h.Hub.WrongBytes = [4, 5, 6];

        await Assert.ThrowsAsync<MediaIntegrityException>(() => h.Cache.VerifyAsync(sha));

        Assert.False(File.Exists(path));
        Assert.Empty(h.FilesOnDisk());
    }
}
