using System.Net;
using System.Text.RegularExpressions;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Library;

[Collection(AppCollection.Name)]
public sealed partial class LibraryPageTests(AppFactory app)
{
    [Fact]
    public async Task OperatorUploadsThroughTheFormAndTheBulletinAwaitsApproval()
    {
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var title = "Thông báo lịch tiêm chủng " + Guid.NewGuid().ToString("N")[..4];
        var response = await browser.UploadAsync(Fixtures.File("bulletin-vi-mono-22k-cbr64.mp3"), title);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var html = await browser.PageAsync("/library");
        var text = PageBrowser.TextOf(html);
        Assert.Contains("Đã tải lên bản tin", text);
        var row = RowOf(html, title);
        Assert.Contains("Chờ phê duyệt", row);
        Assert.Matches(@"\d\d:\d\d", row);
        Assert.Contains("LUFS", text);
        Assert.DoesNotContain("/approve", html);
    }

    [Fact]
    public async Task TextNamedMp3IsRefusedWithItsMessageAndTheTitleKept()
    {
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var title = "Tệp giả " + Guid.NewGuid().ToString("N")[..4];
        var response = await browser.UploadAsync(Fixtures.Bad("text-named.mp3"), title);
        var html = await PageBrowser.HtmlOf(response);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Không nhận ra định dạng âm thanh", PageBrowser.TextOf(html));
        Assert.Contains($"value=\"{title}\"", html);
        Assert.DoesNotContain(title, PageBrowser.TextOf(await browser.PageAsync("/library")));
    }

    [Fact]
    public async Task SupervisorApprovesAndOperatorIsForbidden()
    {
        using var operatorBrowser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var title = "Bản tin thời tiết " + Guid.NewGuid().ToString("N")[..4];
        await operatorBrowser.UploadAsync(Fixtures.File("bulletin-vi-mono-22k-cbr64.mp3"), title);
        var id = IdOf(await operatorBrowser.PageAsync("/library?status=PendingApproval"), title);

        var denied = await operatorBrowser.FollowAsync(
            await operatorBrowser.SubmitAsync("/library", $"/library/{id}/approve", new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("Không có quyền", await PageBrowser.HtmlOf(denied));
        Assert.Contains("Chờ phê duyệt", RowOf(await operatorBrowser.PageAsync("/library"), title));

        using var supervisor = await PageBrowser.SignedInAsync(app, Roles.Supervisor);
        var approved = await supervisor.SubmitAsync("/library", $"/library/{id}/approve", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var page = await supervisor.PageAsync("/library");
        Assert.Contains("Đã phê duyệt bản tin", PageBrowser.TextOf(page));
        Assert.Contains("Đã phê duyệt", RowOf(page, title));
        Assert.DoesNotContain("/approve", RowOf(page, title));

        var again = await supervisor.SubmitAsync("/library", $"/library/{id}/approve", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("đã được xét duyệt", PageBrowser.TextOf(await PageBrowser.HtmlOf(again)));
    }

    [Fact]
    public async Task RejectNeedsAReasonAndThenShowsIt()
    {
        using var supervisor = await PageBrowser.SignedInAsync(app, Roles.Supervisor);
        var title = "Bản tin cần sửa " + Guid.NewGuid().ToString("N")[..4];
        await supervisor.UploadAsync(Fixtures.File("bulletin-vi-mono-22k-cbr64.mp3"), title);
        var id = IdOf(await supervisor.PageAsync("/library"), title);

        var refused = await supervisor.SubmitAsync("/library", $"/library/{id}/reject", new Dictionary<string, string> { ["reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Hãy ghi lý do từ chối", PageBrowser.TextOf(await PageBrowser.HtmlOf(refused)));
        Assert.Contains("Chờ phê duyệt", RowOf(await supervisor.PageAsync("/library"), title));

        var rejected = await supervisor.SubmitAsync("/library", $"/library/{id}/reject",
            new Dictionary<string, string> { ["reason"] = "Sai tên xã trong bản tin" });
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        var row = RowOf(await supervisor.PageAsync("/library"), title);
        Assert.Contains("Bị từ chối", row);
        Assert.Contains("Sai tên xã trong bản tin", PageBrowser.TextOf(await supervisor.PageAsync("/library")));
    }

    /// <summary>The id of the bulletin listed with <paramref name="title"/> (its row's data attribute).</summary>
    internal static long IdOf(string html, string title)
    {
        var row = RowHtml(html, title);
        var id = RowId().Match(row);
        Assert.True(id.Success, "no bulletin id on its row");
        return long.Parse(id.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The text of the table row holding <paramref name="title"/>.</summary>
    internal static string RowOf(string html, string title) => PageBrowser.TextOf(RowHtml(html, title));

    private static string RowHtml(string html, string title)
    {
        var table = html.IndexOf("id=\"bulletins\"", StringComparison.Ordinal);
        Assert.True(table >= 0, "no bulletin table in the page");
        var at = html.IndexOf(title, table, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{title}' is not in the bulletin table");
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        var end = html.IndexOf("</tr>", at, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > at, $"'{title}' is not in a table row");
        return html[start..end];
    }

    [GeneratedRegex("data-bulletin-id=\"(\\d+)\"")]
    private static partial Regex RowId();
}
