using System.Globalization;
using System.Text;

namespace BroadcastHub.Core.Playlists;

/// <summary>A bulletin as one exported playlist entry.</summary>
/// <param name="BulletinId">Its id.</param>
/// <param name="Title">Its title.</param>
/// <param name="DurationSeconds">Its exact duration.</param>
/// <param name="Sha256">SHA-256 of its audio (lowercase hex).</param>
/// <param name="StreamUrl">For a relay: the live stream's URL, written instead of the bulletin tag and media path.</param>
public sealed record M3uExportItem(long BulletinId, string Title, double DurationSeconds, string Sha256, string? StreamUrl = null);

/// <summary>
/// Writes extended M3U (UTF-8 without byte-order mark, LF line ends): <c>#EXTM3U</c>, <c>#PLAYLIST:</c>, and per
/// item <c>#EXTINF:&lt;whole seconds&gt;,&lt;title&gt;</c>, <c>#EXT-X-BROADCASTHUB-BULLETIN:&lt;id&gt;</c> and the path
/// <c>media/&lt;sha[..2]&gt;/&lt;sha&gt;.audio</c>, relative to the data folder, where the audio is stored; a relay
/// is its <c>#EXTINF</c> (booked seconds, name) and the stream's URL.
/// </summary>
public static class M3uWriter
{
    /// <summary>The MIME type of the output.</summary>
    public const string ContentType = "audio/x-mpegurl; charset=utf-8";

    /// <summary>The playlist as text.</summary>
    public static string Write(string name, IEnumerable<M3uExportItem> items)
    {
        var text = new StringBuilder("#EXTM3U\n");
        text.Append("#PLAYLIST:").Append(OneLine(name)).Append('\n');
        foreach (var item in items)
        {
            var seconds = (long)Math.Round(item.DurationSeconds, MidpointRounding.AwayFromZero);
            text.Append("#EXTINF:").Append(seconds.ToString(CultureInfo.InvariantCulture)).Append(',').Append(OneLine(item.Title)).Append('\n');
            if (item.StreamUrl is { } url)
            {
                text.Append(OneLine(url)).Append('\n');
                continue;
            }
            text.Append(M3uParser.BulletinTag).Append(item.BulletinId.ToString(CultureInfo.InvariantCulture)).Append('\n');
            text.Append(MediaPath(item.Sha256)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The stored audio's path relative to the data folder.</summary>
    public static string MediaPath(string sha256) => $"media/{sha256[..2]}/{sha256}.audio";

    private static string OneLine(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value.Trim()) text.Append(char.IsControl(c) ? ' ' : c);
        return text.ToString();
    }
}
