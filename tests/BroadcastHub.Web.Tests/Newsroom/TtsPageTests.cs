using System.Net;
using System.Text.Json;
using BroadcastHub.Web.Tests.Browser;
using BroadcastHub.Web.Tests.EndToEnd;
using BroadcastHub.Web.Tests.Features.Library;
using BroadcastHub.Web.Tests.Features.Playlists;
using BroadcastHub.Web.Tests.Features.Stations;
using BroadcastHub.Web.Tests.Features.Users;
using BroadcastHub.Web.Tests.Newsroom;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Newsroom;

/// <summary>The text-to-speech page: the reading list, the preview, saving, and the reviewer seeing the text.</summary>
[Collection(AppCollection.Name)]
public sealed class TtsPageTests(AppFactory app)
{
    private const string Page = "/newsroom/tts";

    [Fact]
    public async Task The_page_lists_the_voices_and_shows_what_each_token_is_read_as()
    {
        using var browser = await PageBrowser.SignedInAsync(app, "admin", AppFactory.AdminPassword);
        var html = await browser.PageAsync(Page);
        Assert.Contains("value=\"vi\"", html);
        Assert.Contains("value=\"vi-vn-x-central\"", html);

        var response = await browser.SubmitAsync(Page, Page + "/normalise", new Dictionary<string, string> { ["Text"] = "Họp lúc 17h30, HĐND xã." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Họp lúc mười bảy giờ ba mươi phút, Hội đồng nhân dân xã.", body.GetProperty("text").GetString());
        var time = body.GetProperty("tokens")[0];
        Assert.Equal("17h30", time.GetProperty("original").GetString());
        Assert.Equal("time", time.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_preview_is_a_wav_and_stores_nothing()
    {
        using var browser = await PageBrowser.SignedInAsync(app, "admin", AppFactory.AdminPassword);
        var before = Directory.Exists(Path.Combine(app.DataPath, "media")) ? Directory.GetFiles(Path.Combine(app.DataPath, "media"), "*", SearchOption.AllDirectories).Length : 0;

        var response = await browser.SubmitAsync(Page, Page + "/preview",
            new Dictionary<string, string> { ["Text"] = "Xin chào bà con.", ["Voice"] = "vi-vn-x-central", ["Rate"] = "1.2" });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("RIFF"u8.ToArray(), (await response.Content.ReadAsByteArrayAsync())[..4]);
        var after = Directory.Exists(Path.Combine(app.DataPath, "media")) ? Directory.GetFiles(Path.Combine(app.DataPath, "media"), "*", SearchOption.AllDirectories).Length : 0;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Saving_creates_a_bulletin_whose_page_shows_the_text_to_the_reviewer()
    {
        using var browser = await PageBrowser.SignedInAsync(app, "admin", AppFactory.AdminPassword);
        var text = $"Thông báo số {Random.Shared.Next(100, 999)}: sáng 07/12/2026 phun thuốc diệt muỗi tại TDP 3.";

        var response = await browser.SubmitAsync(Page, Page,
            new Dictionary<string, string> { ["Title"] = "Phun thuốc", ["Text"] = text, ["Voice"] = "vi", ["Rate"] = "1" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches(@"^/library/\d+$", response.Headers.Location!.OriginalString);
        var detail = PageBrowser.TextOf(await browser.PageAsync(response.Headers.Location!.OriginalString));
        Assert.Contains(text, detail);
        Assert.Contains("Chờ phê duyệt", detail);
    }

    [Fact]
    public async Task Empty_text_is_refused_on_the_page_with_its_message()
    {
        using var browser = await PageBrowser.SignedInAsync(app, "admin", AppFactory.AdminPassword);

        var response = await browser.SubmitAsync(Page, Page, new Dictionary<string, string> { ["Title"] = "Trống", ["Text"] = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Hãy nhập nội dung cần đọc.", await PageBrowser.HtmlOf(response));
    }
}
