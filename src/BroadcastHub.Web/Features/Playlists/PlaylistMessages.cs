using BroadcastHub.Core.Playlists;
using BroadcastHub.Web.Infrastructure;
using Codes = BroadcastHub.Core.Playlists.PlaylistProblemCodes;

namespace BroadcastHub.Web.Features.Playlists;

/// <summary>Codes and messages (in the UI language) of refused playlist imports.</summary>
public static class PlaylistMessages
{
    private const int ListedInMessage = 8;

    /// <summary>Builds the refusal for a set of problems: the most telling code, a message naming the lines.</summary>
    public static PlaylistRejectedException Refusal(IReadOnlyList<PlaylistProblem> problems)
    {
        var code = problems.Select(p => p.Code).ToHashSet() switch
        {
            var c when c.Contains(Codes.NotUtf8) => "playlist_not_utf8",
            var c when c.Contains(Codes.MissingHeader) => "playlist_not_m3u",
            var c when c.Contains(Codes.Empty) => "playlist_empty",
            var c when c.Contains(Codes.TooManyEntries) => "playlist_too_many_entries",
            var c when c.Any(Codes.IsSyntax) => "playlist_syntax",
            var c when c.Any(Codes.IsUnresolved) => "playlist_unresolved",
            _ => "playlist_not_approved",
        };
        var listed = problems.OrderBy(p => p.Line).Select(p => new PlaylistProblemJson(p.Line, p.Code, For(p))).ToList();
        var shown = string.Join("; ", listed.Take(ListedInMessage).Select(p => p.Message));
        if (listed.Count > ListedInMessage) shown += Msg.Get("AndMore", listed.Count - ListedInMessage);
        var message = Msg.Get("ThePlaylistWasNotImportedNothing") + shown;
        return new PlaylistRejectedException(400, code, message, listed);
    }

    /// <summary>The message of one problem, starting with its line when it has one.</summary>
    public static string For(PlaylistProblem p)
    {
        var s = p.Subject;
        var text = p.Code switch
        {
            Codes.NotUtf8 => Msg.Get("TheFileIsNotUTF8"),
            Codes.MissingHeader => Msg.Get("TheFileDoesNotStartWith"),
            Codes.Empty => Msg.Get("ThePlaylistHasNoEntries"),
            Codes.TooManyEntries => Msg.Get("MoreThanEntriesSplitThePlaylist", s),
            Codes.BadExtinf => Msg.Get("TheEXTINFDurationIsNotA", s),
            Codes.BadBulletinTag => Msg.Get("EXTXBROADCASTHUBBULLETINNeedsA", s),
            Codes.EntryMissing => Msg.Get("ThisTagIsNotFollowedBy"),
            Codes.BulletinNotFound => Msg.Get("ThereIsNoBulletin3", s),
            Codes.AudioNotFound => Msg.Get("TheLibraryHasNoAudioUpload", Short(s)),
            Codes.TitleNotFound => Msg.Get("ThereIsNoBulletinTitledUpload", s),
            Codes.TitleAmbiguous => Msg.Get("SeveralApprovedBulletinsAreTitledName", s),
            Codes.EntryUnidentified => Msg.Get("CannotTellWhichBulletinIsGive", s),
            Codes.BulletinNotApproved => Msg.Get("BulletinIsNotApproved2", s),
            _ => p.Code,
        };
        return p.Line > 0 ? Msg.Get("Line", p.Line) + text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] + "…" : sha;
}
