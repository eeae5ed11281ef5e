namespace BroadcastHub.Station.Cache;

/// <summary>What <see cref="MediaCache.VerifyAsync"/> found before air.</summary>
public enum MediaCheckOutcome
{
    /// <summary>The cached file hashed to its name.</summary>
    Intact,

    /// <summary>The cached file had been altered; it was deleted and fetched again.</summary>
    Refetched,

    /// <summary>No cached file; it was fetched.</summary>
    Fetched,
}

/// <summary>A verified cached media file, ready to be opened for air.</summary>
/// <param name="Path">Full path of the verified file.</param>
/// <param name="Outcome">What was done to make it so.</param>
public sealed record MediaVerification(string Path, MediaCheckOutcome Outcome);

/// <summary>What the cache holds now (complete files only, not partial downloads).</summary>
/// <param name="Files">Number of cached media files.</param>
/// <param name="Bytes">Their total size.</param>
public sealed record MediaCacheStats(int Files, long Bytes);
