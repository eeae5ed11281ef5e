using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BroadcastHub.Core.Access;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Database;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BroadcastHub.Web.Tests.Features.Users;

/// <summary>A fresh installation as shipped: first password changes required, four eyes on, nothing seeded yet.</summary>
public sealed class DemoSeedAppFactory : AppFactory
{
    protected override bool RequireFirstPasswordChange => true;

    protected override bool FourEyes => true;
}

[CollectionDefinition(Name)]
public sealed class DemoSeedCollection : ICollectionFixture<DemoSeedAppFactory>
{
    public const string Name = "demo-seed";
}

/// <summary><c>--seed-demo</c> also creates a supervisor and an operator, with passwords printed once and changed at first sign-in.</summary>
[Collection(DemoSeedCollection.Name)]
public sealed partial class DemoSeedTests(DemoSeedAppFactory app)
{
    [Fact]
    public async Task TheDemoSeedCreatesASupervisorAndAnOperatorWhoMustChangeTheirPrintedPasswords()
    {
        var console = new StringWriter();
        Assert.True(DemoSeeder.SeedIfEmpty(app.Services, NullLogger.Instance, console));
        var printed = console.ToString();
        var passwords = PrintedPassword().Matches(printed).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal([DemoSeeder.OperatorName, DemoSeeder.SupervisorName], passwords.Keys.Order());
        Assert.NotEqual(passwords[DemoSeeder.OperatorName], passwords[DemoSeeder.SupervisorName]);
        Assert.Contains("must be changed at first sign-in", printed);

        var users = app.Services.GetRequiredService<UserRepository>();
        var centre = app.Services.GetRequiredService<PlacesRepository>().ListUnits().Single(u => u.ParentUnitId is not null);
        foreach (var (name, role) in new[] { (DemoSeeder.SupervisorName, Roles.Supervisor), (DemoSeeder.OperatorName, Roles.Operator) })
        {
            var user = users.FindByName(name)!;
            Assert.Equal(role, user.Role);
            Assert.Equal(centre.Id, user.UnitId);
            Assert.True(user.MustChangePassword);
            Assert.DoesNotContain(passwords[name], user.PasswordHash);
        }

        // Each signs in with the printed password, must change it first, then works within the demo centre.
        foreach (var name in passwords.Keys)
        {
            using var api = await app.CreateApiClientAsync(name, passwords[name]);
            var gated = await api.GetAsync("/api/communes");
            Assert.Equal(HttpStatusCode.Forbidden, gated.StatusCode);
            Assert.Equal("password_change_required", await gated.ErrorCodeAsync());
            var changed = await api.PostAsJsonAsync("/api/profile/password", new { currentPassword = passwords[name], newPassword = "Demo-Own-Pass-" + name });
            Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
            Assert.Equal(3, (await api.GetFromJsonAsync<List<object>>("/api/communes"))!.Count);
        }
        using (var browser = await PageBrowser.SignedInAsync(app, DemoSeeder.SupervisorName, "Demo-Own-Pass-" + DemoSeeder.SupervisorName))
            Assert.Contains("Xã Lũng Cú", PageBrowser.TextOf(await browser.PageAsync("/communes")));

        var again = new StringWriter();
        Assert.False(DemoSeeder.SeedIfEmpty(app.Services, NullLogger.Instance, again));
        Assert.Equal("", again.ToString());
        Assert.Equal(3, users.List().Count);
    }

    [GeneratedRegex("user '([^']+)', password '([^']+)' \\(shown only now")]
    private static partial Regex PrintedPassword();
}
