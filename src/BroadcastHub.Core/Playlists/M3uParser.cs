using System.Buffers;
using System.Globalization;
using System.Text;

namespace BroadcastHub.Core.Playlists;

/// <summary>
/// Reads extended M3U (<c>.m3u8</c>, UTF-8): a leading byte-order mark is skipped, CRLF, LF and CR line ends are
/// all accepted. Understands <c>#EXTM3U</c>, <c>#PLAYLIST:</c>, <c>#EXTINF:&lt;seconds&gt;[ attributes],&lt;title&gt;</c> and
/// <c>#EXT-X-BROADCASTHUB-BULLETIN:&lt;id&gt;</c>; other <c>#</c> lines are comments. Every other non-blank line is an entry.
/// </summary>
public static class M3uParser
{
    /// <summary>Most entries accepted in one playlist.</summary>
    public const int MaxEntries = 1000;

    /// <summary>The tag that names the bulletin of the next entry.</summary>
    public const string BulletinTag = "#EXT-X-BROADCASTHUB-BULLETIN:";

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Parses the bytes of a playlist file, collecting every problem rather than stopping at the first.</summary>
    public static M3uParseResult Parse(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Bom)) content = content[Bom.Length..];
        if (FirstInvalidUtf8Line(content) is { } badLine)
            return Fail(new PlaylistProblem(badLine, PlaylistProblemCodes.NotUtf8));
        var lines = SplitLines(Encoding.UTF8.GetString(content));
        var header = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (header < 0) return Fail(new PlaylistProblem(0, PlaylistProblemCodes.Empty));
        if (!lines[header].Trim().StartsWith("#EXTM3U", StringComparison.OrdinalIgnoreCase))
            return Fail(new PlaylistProblem(header + 1, PlaylistProblemCodes.MissingHeader, lines[header].Trim()));

        string? name = null;
        var entries = new List<M3uEntry>();
        var problems = new List<PlaylistProblem>();
        var pending = new Pending();
        for (var i = header + 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var number = i + 1;
            if (line.Length == 0) continue;
            if (!line.StartsWith('#'))
            {
                entries.Add(new M3uEntry(number, line, pending.Title, pending.Duration, pending.Bulletin));
                pending = new Pending();
            }
            else if (line.StartsWith("#EXTINF:", StringComparison.OrdinalIgnoreCase))
            {
                if (pending.ExtinfLine > 0) problems.Add(new PlaylistProblem(pending.ExtinfLine, PlaylistProblemCodes.EntryMissing));
                pending = ReadExtinf(line["#EXTINF:".Length..], number, pending, problems);
            }
            else if (line.StartsWith(BulletinTag, StringComparison.OrdinalIgnoreCase))
            {
                var value = line[BulletinTag.Length..].Trim();
                if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
                    pending = pending with { Bulletin = id, FirstLine = pending.FirstLine > 0 ? pending.FirstLine : number };
                else problems.Add(new PlaylistProblem(number, PlaylistProblemCodes.BadBulletinTag, value));
            }
            else if (line.StartsWith("#PLAYLIST:", StringComparison.OrdinalIgnoreCase))
            {
                name ??= line["#PLAYLIST:".Length..].Trim() is { Length: > 0 } n ? n : null;
            }
        }
        if (pending.FirstLine > 0) problems.Add(new PlaylistProblem(pending.FirstLine, PlaylistProblemCodes.EntryMissing));
        if (entries.Count == 0 && problems.Count == 0) problems.Add(new PlaylistProblem(0, PlaylistProblemCodes.Empty));
        if (entries.Count > MaxEntries)
            problems.Add(new PlaylistProblem(entries[MaxEntries].Line, PlaylistProblemCodes.TooManyEntries, MaxEntries.ToString(CultureInfo.InvariantCulture)));
        return new M3uParseResult(new M3uPlaylist(name, entries), problems);
    }

    private static Pending ReadExtinf(string value, int number, Pending pending, List<PlaylistProblem> problems)
    {
        var comma = CommaOutsideQuotes(value);
        var head = (comma < 0 ? value : value[..comma]).Trim();
        var title = comma < 0 ? null : value[(comma + 1)..].Trim();
        var durationText = head.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (!double.TryParse(durationText, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds))
        {
            problems.Add(new PlaylistProblem(number, PlaylistProblemCodes.BadExtinf, durationText));
            return pending;
        }
        return pending with
        {
            Title = string.IsNullOrEmpty(title) ? null : title,
            Duration = seconds < 0 ? null : seconds,
            ExtinfLine = number,
            FirstLine = pending.FirstLine > 0 ? pending.FirstLine : number,
        };
    }

    private static int CommaOutsideQuotes(string value)
    {
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '"') quoted = !quoted;
            else if (value[i] == ',' && !quoted) return i;
        }
        return -1;
    }

    /// <summary>The 1-based line of the first byte that is not valid UTF-8, or null when all of it is.</summary>
    private static int? FirstInvalidUtf8Line(ReadOnlySpan<byte> content)
    {
        var index = 0;
        while (index < content.Length)
        {
            if (Rune.DecodeFromUtf8(content[index..], out _, out var consumed) != OperationStatus.Done)
                return SplitLines(Encoding.UTF8.GetString(content[..index])).Length;
            index += consumed;
        }
        return null;
    }

    /// <summary>Splits on CRLF, LF and CR only (not on the other characters <c>ReplaceLineEndings</c> knows).</summary>
    private static string[] SplitLines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');

    private static M3uParseResult Fail(PlaylistProblem problem) => new(new M3uPlaylist(null, []), [problem]);

    private sealed record Pending(string? Title = null, double? Duration = null, long? Bulletin = null, int ExtinfLine = 0, int FirstLine = 0);
}
