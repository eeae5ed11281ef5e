using System.Text;
using BroadcastHub.Core.Playlists;

namespace BroadcastHub.Core.Tests.Playlists;

public sealed class M3uParserTests
{
    private static M3uParseResult Parse(string text) => M3uParser.Parse(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Reads_name_titles_durations_tags_and_locations_with_line_numbers()
    {
        var result = Parse("""
            #EXTM3U
            #PLAYLIST:Buổi phát sáng
            #EXTINF:125,Tin thời tiết, ngày 28/11
            #EXT-X-BROADCASTHUB-BULLETIN:12
            media/ab/abc.audio

            # a comment
            #EXTGRP:tin
            #EXTINF:-1 tvg-name="a,b",Thông báo
            broadcasthub:bulletin/7
            """);
        Assert.True(result.Ok);
        Assert.Equal("Buổi phát sáng", result.Playlist.Name);
        Assert.Equal(
            [new M3uEntry(5, "media/ab/abc.audio", "Tin thời tiết, ngày 28/11", 125, 12), new M3uEntry(10, "broadcasthub:bulletin/7", "Thông báo", null, null)],
            result.Playlist.Entries);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Any_line_ending_gives_the_same_entries_and_line_numbers(string eol)
    {
        var result = Parse(string.Join(eol, "#EXTM3U", "#EXTINF:3.5,Một", "a.wav", "", "#EXTINF:4,Hai", "b.wav") + eol);
        Assert.True(result.Ok);
        Assert.Equal([(3, "Một", 3.5), (6, "Hai", 4.0)], result.Playlist.Entries.Select(e => (e.Line, e.Title, e.DurationSeconds!.Value)));
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("#EXTM3U\n#EXTINF:1,Tin\nx.wav\n")).ToArray();
        var result = M3uParser.Parse(bytes);
        Assert.True(result.Ok);
        Assert.Equal("Tin", Assert.Single(result.Playlist.Entries).Title);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_reported_with_their_line()
    {
        var bytes = Encoding.UTF8.GetBytes("#EXTM3U\n#EXTINF:1,Tin\n").Concat(new byte[] { 0x54, 0xEA, 0x6E, 0x0A }).ToArray(); // "Tên" in Latin-1
        var problem = Assert.Single(M3uParser.Parse(bytes).Problems);
        Assert.Equal(new PlaylistProblem(3, PlaylistProblemCodes.NotUtf8), problem);
    }

    [Theory]
    [InlineData("", PlaylistProblemCodes.Empty, 0)]
    [InlineData("\n  \n", PlaylistProblemCodes.Empty, 0)]
    [InlineData("#EXTM3U\n#PLAYLIST:x\n", PlaylistProblemCodes.Empty, 0)]
    [InlineData("\na.wav\n", PlaylistProblemCodes.MissingHeader, 2)]
    [InlineData("ID3\u0003binary", PlaylistProblemCodes.MissingHeader, 1)]
    [InlineData("#EXTM3U\n#EXTINF:abc,Tin\na.wav\n", PlaylistProblemCodes.BadExtinf, 2)]
    [InlineData("#EXTM3U\n#EXTINF:,Tin\na.wav\n", PlaylistProblemCodes.BadExtinf, 2)]
    [InlineData("#EXTM3U\n#EXT-X-BROADCASTHUB-BULLETIN:x1\na.wav\n", PlaylistProblemCodes.BadBulletinTag, 2)]
    [InlineData("#EXTM3U\n#EXT-X-BROADCASTHUB-BULLETIN:0\na.wav\n", PlaylistProblemCodes.BadBulletinTag, 2)]
    [InlineData("#EXTM3U\na.wav\n#EXTINF:3,Tin\n", PlaylistProblemCodes.EntryMissing, 3)]
    [InlineData("#EXTM3U\n#EXTINF:3,Một\n#EXTINF:3,Hai\nb.wav\n", PlaylistProblemCodes.EntryMissing, 2)]
    public void Bad_files_are_reported_with_a_specific_code_and_line(string text, string code, int line)
    {
        var result = Parse(text);
        Assert.False(result.Ok);
        Assert.Contains(result.Problems, p => p.Code == code && p.Line == line);
    }

    [Fact]
    public void Every_problem_is_collected_not_only_the_first()
    {
        var result = Parse("#EXTM3U\n#EXTINF:x,A\na.wav\n#EXT-X-BROADCASTHUB-BULLETIN:-3\nb.wav\n");
        Assert.Equal([(2, PlaylistProblemCodes.BadExtinf), (4, PlaylistProblemCodes.BadBulletinTag)], result.Problems.Select(p => (p.Line, p.Code)));
    }

    [Fact]
    public void More_than_the_maximum_of_entries_is_refused()
    {
        var text = "#EXTM3U\n" + string.Concat(Enumerable.Range(0, M3uParser.MaxEntries + 1).Select(i => $"#EXTINF:1,T{i}\nt{i}.wav\n"));
        var problem = Assert.Single(Parse(text).Problems);
        Assert.Equal(PlaylistProblemCodes.TooManyEntries, problem.Code);
        Assert.Equal(2 + 2 * M3uParser.MaxEntries + 1, problem.Line);
    }
}
