using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace BroadcastHub.Web.Tests.Security;

/// <summary>
/// The real app with four eyes on, a fake clock (lock expiry, cookie lifetime) and a password hasher that counts
/// how often a password is checked and against whose hash.
/// </summary>
public sealed class AccountsAppFactory : AppFactory
{
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    public CountingPasswordHasher Hasher { get; } = new();

    protected override bool FourEyes => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<IPasswordHasher<UserAccount>>();
            services.AddSingleton<IPasswordHasher<UserAccount>>(Hasher);
        });
    }
}

/// <summary>The real hasher, counting its password checks per user id (0: a user that does not exist).</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<UserAccount>
{
    private readonly PasswordHasher<UserAccount> _inner = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, int> _checks = new();

    public int ChecksFor(long userId) => _checks.GetValueOrDefault(userId);

    public int TotalChecks => _checks.Values.Sum();

    public string HashPassword(UserAccount user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(UserAccount user, string hashedPassword, string providedPassword)
    {
        _checks.AddOrUpdate(user.Id, 1, (_, n) => n + 1);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

[CollectionDefinition(Name)]
public sealed class AccountsCollection : ICollectionFixture<AccountsAppFactory>
{
    public const string Name = "accounts";
}
