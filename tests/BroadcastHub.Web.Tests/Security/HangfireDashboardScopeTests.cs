using System.Net;
using BroadcastHub.Core.Access;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Security;

/// <summary>The Hangfire dashboard deletes and triggers jobs: only an administrator of the whole organisation opens it.</summary>
[Collection(AppCollection.Name)]
public sealed class HangfireDashboardScopeTests(AppFactory app)
{
    [Fact]
    public async Task An_administrator_limited_to_one_unit_does_not_see_the_dashboard_an_organisation_administrator_does()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var unit = app.Services.GetRequiredService<PlacesRepository>().CreateUnit("Huyện " + marker, null);
        const string password = "Unit-Admin-Pass-1";
        app.Services.GetRequiredService<AccountService>().CreateUser("unitadmin-" + marker, password, Roles.Admin, unit.Id);

        using var unitAdmin = await PageBrowser.SignedInAsync(app, "unitadmin-" + marker, password);
        foreach (var path in new[] { "/hangfire", "/hangfire/recurring", "/hangfire/jobs/enqueued" })
        {
            var refused = await unitAdmin.Client.GetAsync(path);
            Assert.True(refused.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{path}: {(int)refused.StatusCode}");
        }

        using var organisationAdmin = await PageBrowser.SignedInAsync(app, Roles.Admin);
        var page = await organisationAdmin.Client.GetAsync("/hangfire/recurring");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("plan-horizon", await page.Content.ReadAsStringAsync());
    }
}
