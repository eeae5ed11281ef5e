using System.Collections.Concurrent;

namespace BroadcastHub.Station.Cache;

/// <summary>
/// Media files by SHA-256 under the station's data folder (<c>media/ab/abcd….audio</c>, as on the hub).
/// A file appears under its final name only after its content hashed to that name; downloads resume
/// from a <c>.partial</c> file beside it; a hash that is not 64 lowercase hex digits is refused before
/// any path is built.
/// </summary>
public sealed class MediaCache : IDisposable
{
    private readonly MediaFetcher _fetcher;
    private readonly MediaCacheSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<MediaCache> _log;
    private readonly SemaphoreSlim _downloads;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _perHash = new(StringComparer.Ordinal);

    /// <summary>Creates a cache that downloads with <paramref name="http"/>.</summary>
    public MediaCache(HttpClient http, MediaCacheSettings settings, TimeProvider time, ILogger<MediaCache> log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _time = time;
        _log = log;
        _fetcher = new MediaFetcher(http, settings, time);
        _downloads = new SemaphoreSlim(settings.MaxConcurrentDownloads, settings.MaxConcurrentDownloads);
    }

    /// <summary>Where the verified file for <paramref name="sha256"/> lives (whether or not it is there yet).</summary>
    public string PathFor(string sha256)
    {
        MediaHash.ThrowIfMalformed(sha256);
        return Path.Combine(_settings.MediaRoot, sha256[..2], sha256 + ".audio");
    }

    /// <summary>True when a file is stored under the final name (not re-hashed; see <see cref="VerifyAsync"/>).</summary>
    public bool Contains(string sha256) => File.Exists(PathFor(sha256));

    /// <summary>Returns the path of the cached file, downloading and verifying it first when it is not cached.</summary>
    /// <exception cref="ArgumentException">The hash is malformed.</exception>
    /// <exception cref="MediaCacheException">The file could not be fetched and verified.</exception>
    public async Task<string> EnsureAsync(string sha256, CancellationToken ct = default)
    {
        var path = PathFor(sha256);
        using var _ = await LockAsync(sha256, ct);
        if (!File.Exists(path)) await DownloadAsync(sha256, path, ct);
        return path;
    }

    /// <summary>
    /// Re-hashes the cached file before air; an altered or missing file is deleted and fetched again,
    /// so what is returned has just been verified.
    /// </summary>
    /// <exception cref="ArgumentException">The hash is malformed.</exception>
    /// <exception cref="MediaCacheException">The file is not intact and could not be fetched again.</exception>
    public async Task<MediaVerification> VerifyAsync(string sha256, CancellationToken ct = default)
    {
        var path = PathFor(sha256);
        using var _ = await LockAsync(sha256, ct);
        if (!File.Exists(path))
        {
            await DownloadAsync(sha256, path, ct);
            return new MediaVerification(path, MediaCheckOutcome.Fetched);
        }
        var actual = await MediaHash.OfFileAsync(path, ct);
        if (actual == sha256) return new MediaVerification(path, MediaCheckOutcome.Intact);
        _log.LogWarning("Cached media {Sha256} was altered on disk (now hashes to {Actual}); deleting and fetching it again", sha256, actual);
        File.Delete(path);
        await DownloadAsync(sha256, path, ct);
        return new MediaVerification(path, MediaCheckOutcome.Refetched);
    }

    /// <summary>Counts complete cached files (partial downloads excluded).</summary>
    public MediaCacheStats Measure()
    {
        if (!Directory.Exists(_settings.MediaRoot)) return new MediaCacheStats(0, 0);
        var files = new DirectoryInfo(_settings.MediaRoot).EnumerateFiles("*.audio", SearchOption.AllDirectories)
            .Where(f => MediaHash.IsWellFormed(Path.GetFileNameWithoutExtension(f.Name))).ToList();
        return new MediaCacheStats(files.Count, files.Sum(f => f.Length));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _downloads.Dispose();
        foreach (var gate in _perHash.Values) gate.Dispose();
    }

    private async Task DownloadAsync(string sha256, string path, CancellationToken ct)
    {
        _ = _settings.MediaUri(sha256); // not enrolled: say so before creating anything
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        Exception? last = null;
        for (var attempt = 1; attempt <= _settings.Attempts; attempt++)
        {
            if (attempt > 1) await Task.Delay(_settings.RetryDelay, _time, ct);
            try
            {
                await _downloads.WaitAsync(ct);
                try { await _fetcher.FetchIntoAsync(sha256, partial, ct); }
                finally { _downloads.Release(); }

                var actual = await MediaHash.OfFileAsync(partial, ct);
                if (actual == sha256)
                {
                    File.Move(partial, path, overwrite: true);
                    _log.LogInformation("Cached media {Sha256} ({Bytes} bytes)", sha256, new FileInfo(path).Length);
                    return;
                }
                File.Delete(partial);
                last = new MediaIntegrityException(sha256, actual);
                _log.LogWarning("Media {Sha256} from the hub hashed to {Actual} (attempt {Attempt}); discarded", sha256, actual, attempt);
            }
            catch (Exception e) when (MediaFetcher.IsTransient(e, ct))
            {
                last = e;
                _log.LogWarning("Download of media {Sha256} interrupted (attempt {Attempt}): {Reason}", sha256, attempt, e.Message);
            }
        }
        throw (MediaCacheException?)(last as MediaIntegrityException) ?? new MediaUnavailableException(sha256,
            $"Media {sha256} could not be downloaded from the hub after {_settings.Attempts} attempt(s): {last?.Message}", last);
    }

    private async Task<IDisposable> LockAsync(string sha256, CancellationToken ct)
    {
        var gate = _perHash.GetOrAdd(sha256, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
