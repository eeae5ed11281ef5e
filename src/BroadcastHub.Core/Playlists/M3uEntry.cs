namespace BroadcastHub.Core.Playlists;

/// <summary>One entry of an extended M3U playlist: its location line and the tags that preceded it.</summary>
/// <param name="Line">1-based line number of the location line.</param>
/// <param name="Location">The location line as written (a path, URL or <c>broadcasthub:bulletin/&lt;id&gt;</c>).</param>
/// <param name="Title">Title from <c>#EXTINF</c>, if any.</param>
/// <param name="DurationSeconds">Duration from <c>#EXTINF</c>; null when absent or unknown (<c>-1</c>).</param>
/// <param name="BulletinTag">Id from <c>#EXT-X-BROADCASTHUB-BULLETIN</c>, if any.</param>
public sealed record M3uEntry(int Line, string Location, string? Title, double? DurationSeconds, long? BulletinTag);

/// <summary>A parsed playlist: its <c>#PLAYLIST</c> name, if any, and its entries in order.</summary>
public sealed record M3uPlaylist(string? Name, IReadOnlyList<M3uEntry> Entries);

/// <summary>Something wrong with a playlist, at a line (0 when it concerns the whole file).</summary>
/// <param name="Line">1-based line number, or 0.</param>
/// <param name="Code">One of <see cref="PlaylistProblemCodes"/>.</param>
/// <param name="Subject">What the problem is about (a title, a hash, an id, the text of a bad tag), for messages.</param>
public sealed record PlaylistProblem(int Line, string Code, string Subject = "");

/// <summary>Outcome of parsing: the playlist read so far and every problem found. Usable only when there are none.</summary>
public sealed record M3uParseResult(M3uPlaylist Playlist, IReadOnlyList<PlaylistProblem> Problems)
{
    /// <summary>True when the file is a well-formed playlist with at least one entry.</summary>
    public bool Ok => Problems.Count == 0;
}
