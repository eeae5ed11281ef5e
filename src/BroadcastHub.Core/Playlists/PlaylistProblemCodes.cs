namespace BroadcastHub.Core.Playlists;

/// <summary>Stable codes of <see cref="PlaylistProblem"/>s.</summary>
public static class PlaylistProblemCodes
{
    /// <summary>The bytes are not valid UTF-8 (the subject is the line).</summary>
    public const string NotUtf8 = "not_utf8";
    /// <summary>The first non-blank line is not <c>#EXTM3U</c>.</summary>
    public const string MissingHeader = "missing_header";
    /// <summary>No entries at all.</summary>
    public const string Empty = "empty";
    /// <summary>More than <see cref="M3uParser.MaxEntries"/> entries.</summary>
    public const string TooManyEntries = "too_many_entries";
    /// <summary>An <c>#EXTINF</c> line whose duration is not a number.</summary>
    public const string BadExtinf = "bad_extinf";
    /// <summary>An <c>#EXT-X-BROADCASTHUB-BULLETIN</c> tag whose value is not a positive id.</summary>
    public const string BadBulletinTag = "bad_bulletin_tag";
    /// <summary>Entry tags not followed by a location line.</summary>
    public const string EntryMissing = "entry_missing";
    /// <summary>No bulletin has the id of the tag or <c>broadcasthub:</c> URI.</summary>
    public const string BulletinNotFound = "bulletin_not_found";
    /// <summary>No bulletin has the audio whose SHA-256 the path names.</summary>
    public const string AudioNotFound = "audio_not_found";
    /// <summary>No bulletin has the <c>#EXTINF</c> title.</summary>
    public const string TitleNotFound = "title_not_found";
    /// <summary>Several approved bulletins have the <c>#EXTINF</c> title.</summary>
    public const string TitleAmbiguous = "title_ambiguous";
    /// <summary>No id, no SHA-256 path and no title: nothing to resolve the entry by.</summary>
    public const string EntryUnidentified = "entry_unidentified";
    /// <summary>The entry resolves to a bulletin that is not approved.</summary>
    public const string BulletinNotApproved = "bulletin_not_approved";

    /// <summary>True for codes about the syntax of single lines.</summary>
    public static bool IsSyntax(string code) => code is BadExtinf or BadBulletinTag or EntryMissing;

    /// <summary>True for codes about entries that match no single bulletin.</summary>
    public static bool IsUnresolved(string code) =>
        code is BulletinNotFound or AudioNotFound or TitleNotFound or TitleAmbiguous or EntryUnidentified;
}
