namespace BroadcastHub.Station.Cache;

/// <summary>How a <see cref="MediaCache"/> reaches the hub and where it keeps files.</summary>
public sealed record MediaCacheSettings
{
    /// <summary>Folder holding <c>ab/abcd….audio</c>.</summary>
    public required string MediaRoot { get; init; }

    /// <summary>Hub base address; null while the station is not enrolled.</summary>
    public Uri? HubUrl { get; init; }

    /// <summary>Bearer token sent with every request.</summary>
    public string? StationToken { get; init; }

    /// <summary>Downloads running at once.</summary>
    public int MaxConcurrentDownloads { get; init; } = 2;

    /// <summary>Attempts per file within one call.</summary>
    public int Attempts { get; init; } = 3;

    /// <summary>Pause between attempts.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A download with no bytes for this long is cut (and resumed on the next attempt).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The proposed hub route for one media file: <c>GET {hub}/api/station/media/{sha256}</c>.</summary>
    public Uri MediaUri(string sha256)
    {
        if (HubUrl is null) throw new MediaUnavailableException(sha256, $"Media {sha256} is not cached and this station is not enrolled with a hub (BroadcastHub:Hub:Url is empty).");
        var root = HubUrl.AbsoluteUri.EndsWith('/') ? HubUrl : new Uri(HubUrl.AbsoluteUri + "/");
        return new Uri(root, $"api/station/media/{sha256}");
    }
}
