using System.Net;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Airtime;

[Collection(AppCollection.Name)]
public sealed class AirtimeSummaryPageTests(AppFactory app)
{
    [Fact]
    public async Task Staff_see_the_compliance_summary_with_the_chain_check_and_download_excel()
    {
        using var browser = await PageBrowser.SignedInAsync(app, Roles.Operator);
        var html = await browser.PageAsync("/airtime/summary");
        Assert.Contains("Tổng hợp phát thanh", html);
        Assert.Contains("chuỗi băm khớp", html);

        var xlsx = await browser.Client.GetAsync("/airtime/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);

        var bad = await browser.PageAsync("/airtime/summary?from=2026-13-45", HttpStatusCode.BadRequest);
        Assert.Contains("yyyy-MM-dd", bad);
    }
}
