using System.Net;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Infrastructure.Mvc;

[Collection(AppCollection.Name)]
public sealed class PagesRenderTests(AppFactory app)
{
    [Theory]
    [InlineData("/", "Bảng điều khiển")]
    [InlineData("/dashboard", "Bảng điều khiển")]
    [InlineData("/library", "Thư viện bản tin")]
    [InlineData("/schedule", "Lịch phát")]
    [InlineData("/airtime", "Nhật ký phát")]
    [InlineData("/communes", "Đơn vị và xã/phường")]
    public async Task EveryPageRendersInVietnamese(string url, string heading)
    {
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Admin);
        var html = await browser.PageAsync(url);
        Assert.Contains($"<h1>{heading}", html);
        Assert.Contains("/lib/bootstrap/css/bootstrap.min.css", html);
        Assert.DoesNotContain("cdn.", html);
        Assert.Contains("name=\"viewport\"", html);
    }

    [Fact]
    public async Task BootstrapAndSiteStylesAreServedLocally()
    {
        using var browser = PageBrowser.Anonymous(app);
        foreach (var path in new[] { "/lib/bootstrap/css/bootstrap.min.css", "/lib/bootstrap/js/bootstrap.bundle.min.js", "/css/site.css" })
            Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task OperatorSeesNoAdminFormsAndIsForbiddenToCreate()
    {
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var html = await browser.PageAsync("/communes");
        Assert.DoesNotContain("Tạo xã/phường", html);
        Assert.DoesNotContain("/hangfire", html);
        var response = await browser.FollowAsync(await browser.SubmitAsync("/communes", "/communes/create",
            new Dictionary<string, string> { ["Name"] = "Xã không được tạo" }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Xã không được tạo", await browser.PageAsync("/communes"));
    }
}
