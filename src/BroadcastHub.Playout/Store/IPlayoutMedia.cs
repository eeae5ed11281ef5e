namespace BroadcastHub.Playout;

/// <summary>Where a bulletin's audio is on this machine, checked just before air.</summary>
public interface IPlayoutMedia
{
    /// <summary>
    /// The path of the intact file with content <paramref name="sha256"/>, or why it cannot be aired. A host that can
    /// re-fetch a missing or altered file does so here; it never hands back a file it knows is corrupt.
    /// </summary>
    ValueTask<MediaResolution> ResolveAsync(string sha256, CancellationToken cancel);
}

/// <summary>The answer of <see cref="IPlayoutMedia.ResolveAsync"/>: a path, or the reason there is none.</summary>
public sealed record MediaResolution(string? Path, string? Error)
{
    /// <summary>The file is at <paramref name="path"/>.</summary>
    public static MediaResolution Found(string path) => new(path, null);

    /// <summary>The file cannot be aired, because of <paramref name="error"/>.</summary>
    public static MediaResolution Unavailable(string error) => new(null, error);
}
