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
        if (listed.Count > ListedInMessage) shown += Text.Pick($"; và {listed.Count - ListedInMessage} lỗi khác.", $"; and {listed.Count - ListedInMessage} more.");
        var message = Text.Pick("Không nhập danh sách phát, không có gì được lưu. ", "The playlist was not imported; nothing was stored. ") + shown;
        return new PlaylistRejectedException(400, code, message, listed);
    }

    /// <summary>The message of one problem, starting with its line when it has one.</summary>
    public static string For(PlaylistProblem p)
    {
        var s = p.Subject;
        var text = p.Code switch
        {
            Codes.NotUtf8 => Text.Pick("tệp không phải văn bản UTF-8, hãy lưu lại dạng .m3u8 (UTF-8)", "the file is not UTF-8 text, save it as .m3u8 (UTF-8)"),
            Codes.MissingHeader => Text.Pick("tệp không bắt đầu bằng #EXTM3U, không phải danh sách phát M3U mở rộng",
                "the file does not start with #EXTM3U, so it is not an extended M3U playlist"),
            Codes.Empty => Text.Pick("danh sách phát không có mục nào", "the playlist has no entries"),
            Codes.TooManyEntries => Text.Pick($"quá {s} mục, hãy chia thành nhiều danh sách", $"more than {s} entries, split the playlist"),
            Codes.BadExtinf => Text.Pick($"thời lượng trong #EXTINF không phải là số ('{s}')", $"the #EXTINF duration is not a number ('{s}')"),
            Codes.BadBulletinTag => Text.Pick($"#EXT-X-BROADCASTHUB-BULLETIN cần một mã bản tin là số dương ('{s}')",
                $"#EXT-X-BROADCASTHUB-BULLETIN needs a positive bulletin id ('{s}')"),
            Codes.EntryMissing => Text.Pick("thẻ này không có dòng tệp theo sau", "this tag is not followed by an entry line"),
            Codes.BulletinNotFound => Text.Pick($"không có bản tin số {s}", $"there is no bulletin {s}"),
            Codes.AudioNotFound => Text.Pick($"thư viện không có tệp âm thanh {Short(s)}, hãy tải lên trước",
                $"the library has no audio {Short(s)}, upload it first"),
            Codes.TitleNotFound => Text.Pick($"không có bản tin tên \"{s}\", hãy tải lên và phê duyệt trước",
                $"there is no bulletin titled \"{s}\", upload and approve it first"),
            Codes.TitleAmbiguous => Text.Pick($"có nhiều bản tin đã duyệt tên \"{s}\", hãy ghi mã bằng #EXT-X-BROADCASTHUB-BULLETIN",
                $"several approved bulletins are titled \"{s}\", name one with #EXT-X-BROADCASTHUB-BULLETIN"),
            Codes.EntryUnidentified => Text.Pick($"không biết \"{s}\" là bản tin nào (cần #EXTINF có tên, thẻ mã bản tin hoặc đường dẫn SHA-256)",
                $"cannot tell which bulletin \"{s}\" is (give an #EXTINF title, a bulletin tag or a SHA-256 path)"),
            Codes.BulletinNotApproved => Text.Pick($"bản tin \"{s}\" chưa được phê duyệt", $"bulletin \"{s}\" is not approved"),
            _ => p.Code,
        };
        return p.Line > 0 ? Text.Pick($"Dòng {p.Line}: ", $"Line {p.Line}: ") + text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] + "…" : sha;
}
