using BroadcastHub.Station.Cache;
using Microsoft.Extensions.Logging.Abstractions;

namespace BroadcastHub.Station.Tests.Support;

/// <summary>A fake hub, a temp media folder and a <see cref="MediaCache"/> talking to them.</summary>
public sealed class CacheHarness : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly HttpClient _http = new();

    private CacheHarness(FakeHub hub) => Hub = hub;

    public FakeHub Hub { get; }
    public MediaCache Cache { get; private set; } = null!;
    public string MediaRoot => System.IO.Path.Combine(_folder.Path, "media");

    public static async Task<CacheHarness> StartAsync(int attempts = 3, int maxConcurrent = 2, string token = FakeHub.Token)
    {
        var harness = new CacheHarness(await FakeHub.StartAsync());
        harness.Cache = new MediaCache(harness._http, new MediaCacheSettings
        {
            MediaRoot = harness.MediaRoot,
            HubUrl = harness.Hub.Address,
            StationToken = token,
            Attempts = attempts,
            MaxConcurrentDownloads = maxConcurrent,
            RetryDelay = TimeSpan.Zero,
            IdleTimeout = TimeSpan.FromSeconds(10),
        }, TimeProvider.System, NullLogger<MediaCache>.Instance);
        return harness;
    }

    public static byte[] Audio(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Every file under the media folder, relative names.</summary>
    public string[] FilesOnDisk() => Directory.Exists(MediaRoot)
        ? Directory.GetFiles(MediaRoot, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(MediaRoot, f)).ToArray()
        : [];

    public async ValueTask DisposeAsync()
    {
        Cache.Dispose();
        _http.Dispose();
        await Hub.DisposeAsync();
        _folder.Dispose();
    }
}
