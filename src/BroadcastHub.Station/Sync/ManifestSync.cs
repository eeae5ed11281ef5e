using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Station.Cache;
using BroadcastHub.Station.Local;

namespace BroadcastHub.Station.Sync;

/// <summary>What one sync did.</summary>
/// <param name="Version">The manifest version now stored.</param>
/// <param name="Changed">False when the hub answered 304 (nothing stored again).</param>
/// <param name="Occurrences">Occurrences stored locally.</param>
/// <param name="MissingMedia">Media that could not be fetched and verified this time.</param>
/// <param name="CacheReadyUntil">Up to when every planned item's media is cached.</param>
public sealed record SyncResult(string Version, bool Changed, int Occurrences, int MissingMedia, DateTimeOffset CacheReadyUntil);

/// <summary>
/// Fetches the manifest for <c>CacheDays</c>, replaces the local window with it, then caches every item's media in the
/// order it airs, and works out <c>cacheReadyUntil</c>: the start of the first occurrence whose media is not all cached
/// (verified on arrival), or the end of the window when all are.
/// </summary>
public sealed class ManifestSync(HubClient hub, ManifestStore store, MediaCache cache, TimeProvider time, int cacheDays, ILogger<ManifestSync> log)
{
    /// <summary>One sync. The hub unreachable or refusing throws, and the local data stays as it was.</summary>
    public async Task<SyncResult> SyncOnceAsync(CancellationToken ct)
    {
        var before = store.State();
        using var response = await hub.SendAsync(HttpMethod.Get, $"api/station/manifest?days={cacheDays}", null, ct, before?.Version);
        var changed = response.StatusCode != HttpStatusCode.NotModified;
        var window = before;
        if (changed)
        {
            var manifest = await response.Content.ReadFromJsonAsync<HubManifest>(JsonSerializerOptions.Web, ct)
                ?? throw new InvalidDataException("The hub's manifest was empty.");
            store.Replace(manifest, time.GetUtcNow());
            window = store.State();
            if (before?.Version != manifest.Version) log.LogInformation("Manifest {Version} stored: {Count} occurrence(s)", manifest.Version, manifest.Occurrences.Count);
        }
        var (missing, readyUntil) = await CacheMediaAsync(window!.WindowUntil, ct);
        store.SetCacheReadyUntil(readyUntil);
        return new SyncResult(window.Version, changed, store.OccurrenceIds().Count, missing, readyUntil);
    }

    private async Task<(int Missing, DateTimeOffset ReadyUntil)> CacheMediaAsync(DateTimeOffset windowUntil, CancellationToken ct)
    {
        var missing = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset? firstGap = null;
        foreach (var item in store.MediaInAirOrder())
        {
            if (!missing.Contains(item.Sha256) && !cache.Contains(item.Sha256))
            {
                try
                {
                    await cache.EnsureAsync(item.Sha256, ct);
                }
                catch (MediaCacheException e)
                {
                    log.LogWarning("Media {Sha256} of occurrence {OccurrenceId} is not cached: {Reason}", item.Sha256, item.OccurrenceId, e.Message);
                    missing.Add(item.Sha256);
                }
            }
            if (missing.Contains(item.Sha256)) firstGap ??= item.OccurrenceStart;
        }
        // Evergreen media fills relay gaps whenever they come: cached too, but a session's own media decides cacheReadyUntil.
        foreach (var sha256 in store.EvergreenMedia().Where(s => !missing.Contains(s) && !cache.Contains(s)))
        {
            try
            {
                await cache.EnsureAsync(sha256, ct);
            }
            catch (MediaCacheException e)
            {
                log.LogWarning("Evergreen media {Sha256} is not cached: {Reason}", sha256, e.Message);
                missing.Add(sha256);
            }
        }
        return (missing.Count, firstGap ?? windowUntil);
    }
}
