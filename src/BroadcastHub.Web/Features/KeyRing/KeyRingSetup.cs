using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Features.KeyRing;

/// <summary>
/// Where the data-protection keys (sign-in cookies, antiforgery tokens) live: on PostgreSQL in the shared database, so a
/// cookie issued by one hub node is accepted by every other; on SQLite in files under the data folder
/// (<see cref="Folder"/>). One application name for every node, whatever folder it is installed in.
/// </summary>
public static class KeyRingSetup
{
    /// <summary>The application name the keys are bound to.</summary>
    public const string ApplicationName = "BroadcastHub";

    /// <summary>The key ring folder of a SQLite deployment.</summary>
    public static string Folder(BroadcastHubOptions options) => Path.Combine(options.FullDataPath, "keys", "data-protection");

    /// <summary>Registers the key ring (see the class).</summary>
    public static IServiceCollection AddBroadcastHubKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<DataProtectionKeyRepository>();
        // Decided when the key ring is first used, from the database actually configured (a bad provider is reported at start).
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) => o.XmlRepository = Repository(sp));
        return services;
    }

    private static IXmlRepository Repository(IServiceProvider sp) =>
        sp.GetRequiredService<AppDatabase>().Dialect.IsPostgres
            ? new DatabaseXmlRepository(sp.GetRequiredService<DataProtectionKeyRepository>())
            : new FileSystemXmlRepository(
                Directory.CreateDirectory(Folder(sp.GetRequiredService<IOptions<BroadcastHubOptions>>().Value)),
                sp.GetRequiredService<ILoggerFactory>());
}
