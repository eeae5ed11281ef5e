using System.Text.RegularExpressions;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Library;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Tests.Features.Library;
using BroadcastHub.Web.Tests.Security;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Dashboard;

/// <summary>Supervisors and administrators see, on every page's navigation, how many bulletins await their approval.</summary>
[Collection(AppCollection.Name)]
public sealed partial class PendingApprovalNavTests(AppFactory app)
{
    [Fact]
    public async Task A_unit_supervisor_counts_only_its_units_pending_bulletins_on_every_page_and_an_operator_sees_no_count()
    {
        var world = await ScopeWorld.SeedAsync(app);
        var accounts = app.Services.GetRequiredService<AccountService>();
        var tag = Guid.NewGuid().ToString("N")[..6];
        accounts.CreateUser("sup-a-" + tag, ScopeWorld.Password, Roles.Supervisor, world.UnitA);
        accounts.CreateUser("op-a-" + tag, ScopeWorld.Password, Roles.Operator, world.UnitA);
        using var supervisor = await PageBrowser.SignedInAsync(app, "sup-a-" + tag, ScopeWorld.Password);
        using var operatorA = await PageBrowser.SignedInAsync(app, "op-a-" + tag, ScopeWorld.Password);

        // B's pending bulletin is not A's to review.
        Assert.Equal(0, CountIn(await supervisor.PageAsync("/dashboard")));
        var tone = Path.Combine(app.DataPath, $"pending-{tag}.wav");
        await File.WriteAllBytesAsync(tone, ToneWav.Create(0.5, frequency: Random.Shared.Next(300, 3000)));
        await operatorA.UploadAsync(tone, "Chờ duyệt " + tag);
        foreach (var page in new[] { "/dashboard", "/library", "/schedule", "/airtime", "/profile" })
            Assert.Equal(1, CountIn(await supervisor.PageAsync(page)));
        Assert.Contains("href=\"/library?status=PendingApproval\"", await supervisor.PageAsync("/"));
        Assert.DoesNotContain("nav-pending", await operatorA.PageAsync("/dashboard"));

        using var admin = await PageBrowser.SignedInAsync(app, "admin", AppFactory.AdminPassword);
        var all = app.Services.GetRequiredService<BulletinRepository>().List(BulletinStatus.PendingApproval, 10_000).Count;
        Assert.Equal(all, CountIn(await admin.PageAsync("/library")));

        var id = LibraryPageTests.IdOf(await supervisor.PageAsync("/library?status=PendingApproval"), "Chờ duyệt " + tag);
        await supervisor.SubmitAsync("/library", $"/library/{id}/approve", new Dictionary<string, string>());
        Assert.Equal(0, CountIn(await supervisor.PageAsync("/dashboard")));
    }

    private static int CountIn(string html)
    {
        var match = Count().Match(html);
        Assert.True(match.Success, "no pending-approval count in the navigation");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("id=\"nav-pending-count\">(\\d+)<")]
    private static partial Regex Count();
}
