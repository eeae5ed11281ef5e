using BroadcastHub.Station.Cache;
using BroadcastHub.Station.Tests.Support;

namespace BroadcastHub.Station.Tests.Cache;

public sealed class MediaCacheDownloadTests
{
    [Fact]
    public async Task A_fresh_download_lands_verified_under_its_hash()
    {
        await using var h = await CacheHarness.StartAsync();
        var content = CacheHarness.Audio(300_000, 1);
        var sha = h.Hub.Add(content);

        var path = await h.Cache.EnsureAsync(sha);

        Assert.Equal(Path.Combine(h.MediaRoot, sha[..2], sha + ".audio"), path);
        Assert.Equal(content, await File.ReadAllBytesAsync(path));
        Assert.Equal([Path.Combine(sha[..2], sha + ".audio")], h.FilesOnDisk());
        var request = Assert.Single(h.Hub.Requests);
        Assert.Equal("", request.Range);
    }

    [Fact]
    public async Task A_cached_file_is_not_downloaded_again()
    {
        await using var h = await CacheHarness.StartAsync();
        var sha = h.Hub.Add(CacheHarness.Audio(10_000, 2));

        await h.Cache.EnsureAsync(sha);
        await h.Cache.EnsureAsync(sha);

        Assert.Single(h.Hub.Requests);
    }

    [Fact]
    public async Task An_interrupted_download_resumes_with_a_range_request_for_the_rest_only()
    {
        await using var h = await CacheHarness.StartAsync();
        var content = CacheHarness.Audio(1_000_000, 3);
        var sha = h.Hub.Add(content);
        h.Hub.CutNextAfter = 400_000;

        var path = await h.Cache.EnsureAsync(sha);

        Assert.Equal(content, await File.ReadAllBytesAsync(path));
        var requests = h.Hub.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal(400_000, requests[0].BytesServed);
        var resumedAt = RangeStart(requests[1]);
        Assert.InRange(resumedAt, 1, 400_000); // what actually reached the station before the cut
        Assert.Equal(1_000_000 - resumedAt, requests[1].BytesServed);
        Assert.Equal([Path.Combine(sha[..2], sha + ".audio")], h.FilesOnDisk());
    }

    [Fact]
    public async Task A_download_cut_on_its_last_attempt_keeps_the_partial_file_and_the_next_call_resumes_it()
    {
        await using var h = await CacheHarness.StartAsync(attempts: 1);
        var content = CacheHarness.Audio(500_000, 4);
        var sha = h.Hub.Add(content);
        h.Hub.CutNextAfter = 123_456;

        await Assert.ThrowsAsync<MediaUnavailableException>(() => h.Cache.EnsureAsync(sha));
        Assert.Equal([Path.Combine(sha[..2], sha + ".audio.partial")], h.FilesOnDisk());
        Assert.False(h.Cache.Contains(sha));

        var path = await h.Cache.EnsureAsync(sha);

        Assert.Equal(content, await File.ReadAllBytesAsync(path));
        var resumedAt = RangeStart(h.Hub.Requests.Last());
        Assert.InRange(resumedAt, 1, 123_456);
        Assert.Equal(500_000 - resumedAt, h.Hub.Requests.Last().BytesServed);
    }

    private static long RangeStart(ServedRequest request)
    {
        Assert.StartsWith("bytes=", request.Range);
        Assert.EndsWith("-", request.Range);
        return long.Parse(request.Range["bytes=".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Wrong_bytes_from_the_hub_never_land_under_the_final_name()
    {
        await using var h = await CacheHarness.StartAsync(attempts: 2);
        var sha = h.Hub.Add(CacheHarness.Audio(50_000, 5));
        h.Hub.WrongBytes = CacheHarness.Audio(50_000, 6);

        var error = await Assert.ThrowsAsync<MediaIntegrityException>(() => h.Cache.EnsureAsync(sha));

        Assert.Contains(sha, error.Message);
        Assert.Contains("discarded", error.Message);
        Assert.NotEqual(sha, error.ActualSha256);
        Assert.False(h.Cache.Contains(sha));
        Assert.Empty(h.FilesOnDisk());
        Assert.Equal(2, h.Hub.Requests.Count);
    }

    [Fact]
    public async Task Unknown_media_and_a_refused_token_are_clear_errors_without_retries()
    {
        await using var h = await CacheHarness.StartAsync(token: "not-the-token");
        var sha = h.Hub.Add(CacheHarness.Audio(1_000, 7));

        var refused = await Assert.ThrowsAsync<MediaUnavailableException>(() => h.Cache.EnsureAsync(sha));
        Assert.Contains("refused this station's token", refused.Message);
        Assert.Single(h.Hub.Requests);

        var missing = await Assert.ThrowsAsync<MediaUnavailableException>(() => h.Cache.EnsureAsync(new string('a', 64)));
        Assert.Contains("refused", missing.Message);
        Assert.Empty(h.FilesOnDisk());
    }

    [Fact]
    public async Task Media_the_hub_does_not_have_is_reported_as_such()
    {
        await using var h = await CacheHarness.StartAsync();

        var missing = await Assert.ThrowsAsync<MediaUnavailableException>(() => h.Cache.EnsureAsync(new string('b', 64)));

        Assert.Contains("has no media", missing.Message);
        Assert.Single(h.Hub.Requests);
    }

    [Fact]
    public async Task A_station_that_is_not_enrolled_says_so_and_creates_nothing()
    {
        using var folder = new TempFolder();
        var root = Path.Combine(folder.Path, "media");
        using var http = new HttpClient();
        using var cache = new MediaCache(http, new MediaCacheSettings { MediaRoot = root }, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MediaCache>.Instance);

        var error = await Assert.ThrowsAsync<MediaUnavailableException>(() => cache.EnsureAsync(new string('d', 64)));

        Assert.Contains("BroadcastHub:Hub:Url", error.Message);
        Assert.False(Directory.Exists(root));
    }
}
