using BroadcastHub.Playout;
using BroadcastHub.Station.Cache;

namespace BroadcastHub.Station.Playout;

/// <summary>
/// Media for the engine from the verified cache: every file is re-hashed just before air; a missing or altered one is
/// deleted and fetched again from the hub; when that fails the item gets the reason and is not aired.
/// </summary>
public sealed class CachedPlayoutMedia(MediaCache cache, ILogger<CachedPlayoutMedia> log) : IPlayoutMedia
{
    /// <inheritdoc />
    public async ValueTask<MediaResolution> ResolveAsync(string sha256, CancellationToken cancel)
    {
        try
        {
            var checkedFile = await cache.VerifyAsync(sha256, cancel);
            if (checkedFile.Outcome != MediaCheckOutcome.Intact)
                log.LogWarning("Media {Sha256} was {Outcome} before air", sha256, checkedFile.Outcome);
            return MediaResolution.Found(checkedFile.Path);
        }
        catch (Exception e) when (e is MediaCacheException or InvalidOperationException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            log.LogError("Media {Sha256} cannot be aired: {Reason}", sha256, e.Message);
            return MediaResolution.Unavailable("the cached media file was missing or altered and could not be fetched again: " + e.Message);
        }
    }
}
