using System.Net;
using System.Text;
using System.Text.Json;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Playlists;

[Collection(AppCollection.Name)]
public sealed class PlaylistImportExportTests(AppFactory app)
{
    private static List<(long Id, string Title, double Duration)> Items(JsonElement playlist) =>
        playlist.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("bulletinId").GetInt64(), i.GetProperty("title").GetString()!, i.GetProperty("durationSeconds").GetDouble()))
            .ToList();

    [Fact]
    public async Task Entries_resolve_by_tag_uri_sha_and_title_and_export_then_import_gives_the_same_items()
    {
        var client = await app.CreateApiClientAsync();
        var weather = await app.BulletinAsync(LibrarySeed.Unique("Tin thời tiết, sáng"), 3);
        var notice = await app.BulletinAsync(LibrarySeed.Unique("Thông báo; tiêm chủng"), 2);
        var closing = await app.BulletinAsync(LibrarySeed.Unique("Kết thúc buổi phát"), 1.5);
        var m3u = $"""
            #EXTM3U
            #PLAYLIST:tên trong tệp
            #EXTINF:3,bất kỳ
            #EXT-X-BROADCASTHUB-BULLETIN:{weather.Id}
            tin.mp3
            #EXTINF:2,{notice.Title}
            broadcasthub:bulletin/{notice.Id}
            D:\BroadcastHub\data\media\{closing.Sha256[..2]}\{closing.Sha256}.audio
            #EXTINF:3,{weather.Title}
            audio/thoi-tiet.wav
            """;

        var created = await client.PostAsync("/api/playlists/import", PlaylistHttp.Form(m3u, name: "Buổi phát sáng / thứ Hai"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var playlist = await created.JsonAsync();
        var id = playlist.GetProperty("id").GetInt64();
        Assert.Equal($"/api/playlists/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("Buổi phát sáng / thứ Hai", playlist.GetProperty("name").GetString());
        var expected = new[] { weather, notice, closing, weather }.Select(b => (b.Id, b.Title, b.DurationSeconds)).ToList();
        Assert.Equal(expected, Items(playlist));

        var export = await client.GetAsync($"/api/playlists/{id}.m3u8");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("audio/x-mpegurl", export.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", export.Content.Headers.ContentType.CharSet);
        Assert.Equal("Buổi phát sáng - thứ Hai.m3u8", export.Content.Headers.ContentDisposition!.FileNameStar);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("#EXTM3U\n#PLAYLIST:Buổi phát sáng / thứ Hai\n", text);
        Assert.Contains($"#EXTINF:3,{weather.Title}\n#EXT-X-BROADCASTHUB-BULLETIN:{weather.Id}\nmedia/{weather.Sha256[..2]}/{weather.Sha256}.audio\n", text);
        Assert.Contains($"#EXTINF:2,{closing.Title}\n", text); // 1.5 s rounds half away from zero

        var again = await client.PostAsync("/api/playlists/import", PlaylistHttp.Raw(bytes));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var reimported = await again.JsonAsync();
        Assert.Equal("Buổi phát sáng / thứ Hai", reimported.GetProperty("name").GetString());
        Assert.Equal(expected, Items(reimported));
        Assert.NotEqual(id, reimported.GetProperty("id").GetInt64());

        var detail = await (await client.GetAsync($"/api/playlists/{id}")).JsonAsync();
        Assert.Equal(expected, Items(detail));
        var list = await (await client.GetAsync("/api/playlists")).JsonAsync();
        var listed = list.EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == id);
        Assert.Equal(4, listed.GetProperty("itemCount").GetInt32());
        Assert.Equal(expected.Sum(e => e.DurationSeconds), listed.GetProperty("totalSeconds").GetDouble(), 6);
    }

    [Theory]
    [InlineData("\r\n", true)]
    [InlineData("\n", true)]
    [InlineData("\r\n", false)]
    public async Task A_byte_order_mark_and_either_line_ending_are_accepted(string eol, bool bom)
    {
        var client = await app.CreateApiClientAsync();
        var b = await app.BulletinAsync(LibrarySeed.Unique("Tin có BOM"));
        var text = string.Join(eol, "#EXTM3U", $"#EXTINF:2,{b.Title}", "tin.wav", "");
        var bytes = (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : []).Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        var response = await client.PostAsync("/api/playlists/import", PlaylistHttp.Form(bytes, "Chương trình sáng.m3u8"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var playlist = await response.JsonAsync();
        Assert.Equal("Chương trình sáng", playlist.GetProperty("name").GetString());
        Assert.Equal(b.Id, Assert.Single(Items(playlist)).Id);
    }
}
