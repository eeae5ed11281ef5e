using BroadcastHub.Core.Access;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Infrastructure.Auth;
using BroadcastHub.Web.Services;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Infrastructure.Database;

/// <summary>Creates the data folder, applies migrations and creates the first administrator.</summary>
public static class FirstStart
{
    public const string AdminPasswordVariable = "BROADCASTHUB_ADMIN_PASSWORD";

    public static void Prepare(IServiceProvider services, BroadcastHubOptions options, ILogger log)
    {
        foreach (var dir in new[] { options.FullDataPath, options.MediaPath, options.RecordingsPath, options.LogsPath })
            Directory.CreateDirectory(dir);
        var applied = Migrator.Migrate(services.GetRequiredService<AppDatabase>());
        if (applied.Count > 0) log.LogInformation("Applied migrations: {Migrations}", string.Join(", ", applied));
        services.GetRequiredService<MediaStore>().CleanStaging();
        CreateFirstAdmin(services);
    }

    private static void CreateFirstAdmin(IServiceProvider services)
    {
        if (!services.GetRequiredService<UserRepository>().IsEmpty()) return;
        var fromEnvironment = Environment.GetEnvironmentVariable(AdminPasswordVariable);
        var password = string.IsNullOrEmpty(fromEnvironment)
            ? RandomPasswords.Create()
            : fromEnvironment;
        // Whoever could read the environment or the console knows this password: it is good for one password change only.
        var mustChange = services.GetRequiredService<IOptions<AuthOptions>>().Value.RequireFirstPasswordChange;
        services.GetRequiredService<AccountService>().CreateUser("admin", password, Roles.Admin, null, mustChange);
        // Printed once, to the console only: it must not end up in the log files.
        var change = mustChange ? "it must be changed at first sign-in" : "change it after signing in";
        Console.WriteLine(string.IsNullOrEmpty(fromEnvironment)
            ? $"First administrator created: user 'admin', password '{password}' (shown only now; {change})."
            : $"First administrator created: user 'admin', password from {AdminPasswordVariable} ({change}).");
    }
}
