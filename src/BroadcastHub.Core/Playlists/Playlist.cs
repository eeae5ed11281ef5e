namespace BroadcastHub.Core.Playlists;

/// <summary>A named, ordered list of bulletins (a programme), e.g. imported from an <c>.m3u8</c>.</summary>
/// <param name="Id">Database id.</param>
/// <param name="Name">Name shown to operators.</param>
/// <param name="BulletinIds">The bulletins in playing order; one may appear more than once.</param>
/// <param name="CreatedAt">When it was stored (UTC).</param>
/// <param name="CreatedBy">Who stored it.</param>
public sealed record Playlist(long Id, string Name, IReadOnlyList<long> BulletinIds, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>A playlist in a list: name, size and total length.</summary>
/// <param name="Id">Database id.</param>
/// <param name="Name">Name.</param>
/// <param name="ItemCount">Number of entries.</param>
/// <param name="TotalSeconds">Sum of the entries' durations.</param>
/// <param name="CreatedAt">When it was stored (UTC).</param>
/// <param name="CreatedBy">Who stored it.</param>
public sealed record PlaylistSummary(long Id, string Name, int ItemCount, double TotalSeconds, DateTimeOffset CreatedAt, string CreatedBy);
