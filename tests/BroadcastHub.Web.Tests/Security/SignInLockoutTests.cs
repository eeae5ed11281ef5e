using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Tests.Features.Users;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Security;

[Collection(AccountsCollection.Name)]
public sealed class SignInLockoutTests(AccountsAppFactory app)
{
    private const int Burst = 24;

    [Fact]
    public async Task AParallelBurstOfWrongGuessesGetsNoMoreTriesThanTheLimit()
    {
        var name = UsersApi.UniqueName("burst");
        var password = app.CreateUser(name, Roles.Operator);
        var user = Users.FindByName(name)!;

        var guesses = Enumerable.Range(0, Burst).Select(async i =>
        {
            using var client = app.CreateClient();
            return (await client.PostAsJsonAsync("/api/auth/token", new { userName = name, password = "wrong-guess-" + i })).StatusCode;
        });
        var answers = await Task.WhenAll(guesses);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        Assert.Equal(AccountService.MaxFailedSignIns, Users.Find(user.Id)!.FailedSignIns);
        Assert.Equal(AccountService.MaxFailedSignIns, app.Hasher.ChecksFor(user.Id)); // the rest never reached the password
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(name, password)); // the right one while locked
        Assert.Single(Audit(user.Id), e => e.Action == "locked-out");
    }

    [Fact]
    public async Task FailuresAreForgottenWhenALockExpires()
    {
        var name = UsersApi.UniqueName("expiry");
        var password = app.CreateUser(name, Roles.Operator);
        for (var i = 0; i < AccountService.MaxFailedSignIns; i++) await SignInAsync(name, "wrong-" + i);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(name, password));

        app.Clock.Advance(AccountService.LockoutSpan + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(name, "one-more-wrong"));
        var user = Users.FindByName(name)!;
        Assert.Equal(1, user.FailedSignIns);
        Assert.Null(user.LockedUntil);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(name, password));
    }

    [Fact]
    public async Task AnUnknownUserNameCostsOnePasswordCheckLikeAKnownOne()
    {
        var name = UsersApi.UniqueName("known");
        app.CreateUser(name, Roles.Operator);
        var before = app.Hasher.TotalChecks;
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync("nobody-" + Guid.NewGuid().ToString("N")[..8], "Some-Password-1"));
        Assert.Equal(before + 1, app.Hasher.TotalChecks);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(name, "Some-Password-1"));
        Assert.Equal(before + 2, app.Hasher.TotalChecks);
    }

    [Fact]
    public async Task SignInsFailuresAndLockoutsAreAudited()
    {
        var name = UsersApi.UniqueName("audited");
        var password = app.CreateUser(name, Roles.Supervisor);
        var id = Users.FindByName(name)!.Id;
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(name, password));
        for (var i = 0; i < AccountService.MaxFailedSignIns; i++) await SignInAsync(name, "wrong-" + i);
        var unknown = "ghost-" + Guid.NewGuid().ToString("N")[..8];
        await SignInAsync(unknown, "whatever-1");

        var entries = Audit(id);
        Assert.Single(entries, e => e.Action == "sign-in" && e.User == name);
        Assert.Equal(AccountService.MaxFailedSignIns, entries.Count(e => e.Action == "sign-in-failed"));
        Assert.Single(entries, e => e.Action == "locked-out");
        var all = app.Services.GetRequiredService<AuditRepository>().List(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        Assert.Contains(all, e => e.Action == "sign-in-failed" && e.User == unknown && e.Detail!.Contains("unknown-user"));
    }

    private UserRepository Users => app.Services.GetRequiredService<UserRepository>();

    private IReadOnlyList<AuditEntry> Audit(long userId) =>
        app.Services.GetRequiredService<AuditRepository>().ForEntity(["users"], userId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task<HttpStatusCode> SignInAsync(string userName, string password)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        if (response.StatusCode == HttpStatusCode.Unauthorized) Assert.Equal("invalid_credentials", await response.ErrorCodeAsync());
        return response.StatusCode;
    }
}
