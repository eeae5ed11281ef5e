using System.Net;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Security;

[Collection(AppCollection.Name)]
public sealed class HangfireDashboardAccessTests(AppFactory app)
{
    [Fact]
    public async Task Only_an_admin_opens_the_hangfire_dashboard()
    {
        using var admin = await PageBrowser.SignedInAsync(app, Roles.Admin);
        var page = await admin.Client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Hangfire", await page.Content.ReadAsStringAsync());

        foreach (var role in new[] { Roles.Supervisor, Roles.Operator })
        {
            using var other = await PageBrowser.SignedInAsync(app, role);
            var refused = await other.Client.GetAsync("/hangfire");
            Assert.True(refused.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{role}: {(int)refused.StatusCode}");
        }
    }
}
