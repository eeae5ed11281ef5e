using System.Net;
using System.Text;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Playlists;

/// <summary>Every refused import has its own code, names the lines, and stores nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class PlaylistImportRefusalTests(AppFactory app)
{
    [Fact]
    public async Task Unresolved_and_unapproved_entries_are_reported_by_line_and_nothing_is_stored()
    {
        var client = await app.CreateApiClientAsync();
        var good = await app.BulletinAsync(LibrarySeed.Unique("Tin tốt"));
        var pending = await app.BulletinAsync(LibrarySeed.Unique("Tin chờ duyệt"), approve: false);
        var before = PlaylistCount();
        var m3u = $"#EXTM3U\n#EXTINF:2,{good.Title}\na.wav\n#EXTINF:2,Không có bản tin này\nb.wav\n#EXT-X-BROADCASTHUB-BULLETIN:{pending.Id}\nc.wav\n";

        var response = await client.PostAsync("/api/playlists/import", PlaylistHttp.Form(m3u, name: "x"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("playlist_unresolved", body.GetProperty("error").GetString());
        Assert.Equal([(5, "title_not_found"), (7, "bulletin_not_approved")],
            body.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("code").GetString()!)));
        var message = body.GetProperty("message").GetString()!;
        Assert.Contains("Dòng 5: ", message);
        Assert.Contains("; Dòng 7: ", message);
        Assert.Contains(pending.Title, message);
        Assert.Equal(before, PlaylistCount());

        var onlyPending = await client.PostAsync("/api/playlists/import", PlaylistHttp.Form($"#EXTM3U\nbroadcasthub:bulletin/{pending.Id}\n", name: "x"));
        Assert.Equal("playlist_not_approved", await onlyPending.ErrorCodeAsync());
        Assert.Equal(before, PlaylistCount());
    }

    public static TheoryData<byte[], string, int> BadFiles => new()
    {
        { "plain text, not a playlist\n"u8.ToArray(), "playlist_not_m3u", 1 },
        { "#EXTM3U\n#EXTINF:2,T\u00EAn\n"u8.ToArray().Concat(new byte[] { 0x54, 0xEA, 0x6E, 0x2E, 0x77, 0x61, 0x76, 0x0A }).ToArray(), "playlist_not_utf8", 3 },
        { "#EXTM3U\n#PLAYLIST:trống\n"u8.ToArray(), "playlist_empty", 0 },
        { ""u8.ToArray(), "playlist_empty", 0 },
        { "#EXTM3U\n#EXTINF:hai phút,Tin\na.wav\n"u8.ToArray(), "playlist_syntax", 2 },
        { "#EXTM3U\n#EXT-X-BROADCASTHUB-BULLETIN:abc\na.wav\n"u8.ToArray(), "playlist_syntax", 2 },
        { "#EXTM3U\na.wav\n#EXTINF:2,Tin cuối\n"u8.ToArray(), "playlist_syntax", 3 },
        { "#EXTM3U\nkhong-ten.wav\n"u8.ToArray(), "playlist_unresolved", 2 },
        { "#EXTM3U\nbroadcasthub:bulletin/987654\n"u8.ToArray(), "playlist_unresolved", 2 },
        { Encoding.UTF8.GetBytes($"#EXTM3U\nmedia/00/{new string('0', 64)}.audio\n"), "playlist_unresolved", 2 },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_files_are_refused_with_a_specific_code_and_line_and_nothing_is_stored(byte[] content, string code, int line)
    {
        var client = await app.CreateApiClientAsync();
        var before = PlaylistCount();
        var response = await client.PostAsync("/api/playlists/import", PlaylistHttp.Form(content, name: "x"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(code, body.GetProperty("error").GetString());
        Assert.Contains(body.GetProperty("problems").EnumerateArray(), p => p.GetProperty("line").GetInt32() == line);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
        Assert.Equal(before, PlaylistCount());
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_specific_codes()
    {
        var client = await app.CreateApiClientAsync();
        var b = await app.BulletinAsync(LibrarySeed.Unique("Tin không tên"));
        var before = PlaylistCount();

        var noFile = new MultipartFormDataContent { { new StringContent("x"), "name" } };
        Assert.Equal("playlist_file_required", await (await client.PostAsync("/api/playlists/import", noFile)).ErrorCodeAsync());

        var json = await client.PostAsync("/api/playlists/import", PlaylistHttp.Raw("{}", "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal("playlist_unsupported_media_type", await json.ErrorCodeAsync());

        var huge = Encoding.UTF8.GetBytes("#EXTM3U\n" + new string('#', 2 * 1024 * 1024));
        var tooLarge = await client.PostAsync("/api/playlists/import", PlaylistHttp.Raw(huge));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("playlist_too_large", await tooLarge.ErrorCodeAsync());
        var tooLargeFile = await client.PostAsync("/api/playlists/import", PlaylistHttp.Form(huge));
        Assert.Equal("playlist_too_large", await tooLargeFile.ErrorCodeAsync());

        var unnamed = await client.PostAsync("/api/playlists/import", PlaylistHttp.Raw($"#EXTM3U\n#EXTINF:2,{b.Title}\na.wav\n"));
        Assert.Equal("playlist_name_required", await unnamed.ErrorCodeAsync());
        var longName = await client.PostAsync("/api/playlists/import?name=" + new string('x', 201), PlaylistHttp.Raw($"#EXTM3U\n#EXTINF:2,{b.Title}\na.wav\n"));
        Assert.Equal("playlist_name_too_long", await longName.ErrorCodeAsync());
        Assert.Equal(before, PlaylistCount());

        var named = await client.PostAsync("/api/playlists/import?name=Tên%20từ%20query", PlaylistHttp.Raw($"#EXTM3U\n#EXTINF:2,{b.Title}\na.wav\n"));
        Assert.Equal(HttpStatusCode.Created, named.StatusCode);
        Assert.Equal("Tên từ query", (await named.JsonAsync()).GetProperty("name").GetString());

        var missing = await client.GetAsync("/api/playlists/987654.m3u8");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("playlist_not_found", await missing.ErrorCodeAsync());
    }

    [Fact]
    public async Task English_messages_follow_the_ui_language()
    {
        var client = await app.CreateApiClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/playlists/import") { Content = PlaylistHttp.Form("#EXTM3U\nmissing.wav\n", name: "x") };
        request.Headers.AcceptLanguage.ParseAdd("en-US");
        var body = await (await client.SendAsync(request)).JsonAsync();
        Assert.StartsWith("The playlist was not imported", body.GetProperty("message").GetString());
        Assert.StartsWith("Line 2:", body.GetProperty("problems")[0].GetProperty("message").GetString());
    }

    private int PlaylistCount() => app.Services.GetRequiredService<PlaylistRepository>().List().Count;
}
