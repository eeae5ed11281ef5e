using System.Text;
using BroadcastHub.Core.Playlists;

namespace BroadcastHub.Core.Tests.Playlists;

public sealed class M3uWriterTests
{
    private static readonly string ShaA = new('a', 64);

    [Fact]
    public void Writes_header_name_and_three_lines_per_item()
    {
        var text = M3uWriter.Write("Buổi phát sáng", [new M3uExportItem(12, "Tin thời tiết, 28/11", 125.5, ShaA), new M3uExportItem(3, "Kết thúc", 4.4, ShaA)]);
        Assert.Equal(
            "#EXTM3U\n#PLAYLIST:Buổi phát sáng\n" +
            $"#EXTINF:126,Tin thời tiết, 28/11\n#EXT-X-BROADCASTHUB-BULLETIN:12\nmedia/aa/{ShaA}.audio\n" +
            $"#EXTINF:4,Kết thúc\n#EXT-X-BROADCASTHUB-BULLETIN:3\nmedia/aa/{ShaA}.audio\n",
            text);
    }

    [Fact]
    public void Line_breaks_in_names_and_titles_cannot_break_the_format()
    {
        var text = M3uWriter.Write("A\nB", [new M3uExportItem(1, "Dòng 1\r\n#EXTINF:9,giả", 1, ShaA)]);
        var parsed = M3uParser.Parse(Encoding.UTF8.GetBytes(text));
        Assert.True(parsed.Ok);
        Assert.Equal("A B", parsed.Playlist.Name);
        Assert.Equal("Dòng 1  #EXTINF:9,giả", Assert.Single(parsed.Playlist.Entries).Title);
    }

    [Fact]
    public void What_is_written_parses_back_to_the_same_items()
    {
        var items = new[] { new M3uExportItem(5, "Thông báo; lịch tiêm chủng", 61.2, ShaA), new M3uExportItem(5, "Thông báo; lịch tiêm chủng", 61.2, ShaA) };
        var parsed = M3uParser.Parse(Encoding.UTF8.GetBytes(M3uWriter.Write("P", items)));
        Assert.True(parsed.Ok);
        Assert.All(parsed.Playlist.Entries, e =>
        {
            Assert.Equal(5, e.BulletinTag);
            Assert.Equal(ShaA, EntryReference.ShaOf(e.Location));
            Assert.Equal("Thông báo; lịch tiêm chủng", e.Title);
            Assert.Equal(61, e.DurationSeconds);
        });
        Assert.Equal(2, parsed.Playlist.Entries.Count);
    }
}
