namespace BroadcastHub.Station.Cache;

/// <summary>A media file could not be made available, verified, in the cache.</summary>
public class MediaCacheException : Exception
{
    /// <summary>Creates the exception for <paramref name="sha256"/>.</summary>
    public MediaCacheException(string sha256, string message, Exception? inner = null) : base(message, inner) => Sha256 = sha256;

    /// <summary>The media hash concerned.</summary>
    public string Sha256 { get; }
}

/// <summary>The hub sent bytes whose SHA-256 is not the one asked for; nothing was kept.</summary>
public sealed class MediaIntegrityException(string sha256, string actualSha256)
    : MediaCacheException(sha256, $"Media {sha256} from the hub hashed to {actualSha256}; the download was discarded and nothing was cached.")
{
    /// <summary>What the received bytes hashed to.</summary>
    public string ActualSha256 { get; } = actualSha256;
}

/// <summary>The hub could not be reached, refused the station, or does not have the file.</summary>
public sealed class MediaUnavailableException(string sha256, string message, Exception? inner = null)
    : MediaCacheException(sha256, message, inner);
