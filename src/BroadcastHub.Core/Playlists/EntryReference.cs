using System.Globalization;
using System.Text;

namespace BroadcastHub.Core.Playlists;

/// <summary>
/// What a playlist entry says about its bulletin: the SHA-256 of its audio (a path ending in
/// <c>&lt;sha256&gt;.audio</c>), a bulletin id (the <c>#EXT-X-BROADCASTHUB-BULLETIN</c> tag, else a
/// <c>broadcasthub:bulletin/&lt;id&gt;</c> location), and its <c>#EXTINF</c> title.
/// </summary>
public sealed record EntryReference(string? Sha256, long? BulletinId, string? Title)
{
    /// <summary>The URI scheme prefix of a location that names a bulletin by id.</summary>
    public const string UriPrefix = "broadcasthub:bulletin/";

    /// <summary>Reads the references of an entry.</summary>
    public static EntryReference Of(M3uEntry entry) =>
        new(ShaOf(entry.Location), entry.BulletinTag ?? UriId(entry.Location), entry.Title is { } t ? NormalizeTitle(t) : null);

    /// <summary>The comparable form of a title: trimmed, Unicode NFC (so precomposed and combining Vietnamese match).</summary>
    public static string NormalizeTitle(string title) => title.Trim().Normalize(NormalizationForm.FormC);

    /// <summary>The lowercase SHA-256 named by a location whose last segment is <c>&lt;64 hex&gt;.audio</c>, else null.</summary>
    public static string? ShaOf(string location)
    {
        var end = location.IndexOfAny(['?', '#']);
        var path = end < 0 ? location : location[..end];
        var name = path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
        if (!name.EndsWith(".audio", StringComparison.OrdinalIgnoreCase)) return null;
        var hex = name[..^".audio".Length];
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit) ? hex.ToLowerInvariant() : null;
    }

    private static long? UriId(string location) =>
        location.StartsWith(UriPrefix, StringComparison.OrdinalIgnoreCase)
        && long.TryParse(location.AsSpan(UriPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;
}
