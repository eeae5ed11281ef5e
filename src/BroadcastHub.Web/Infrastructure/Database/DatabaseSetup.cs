using BroadcastHub.Data;

namespace BroadcastHub.Web.Infrastructure.Database;

/// <summary>
/// Which engine holds the app database: <c>BroadcastHub:Database:Provider</c> = <c>sqlite</c> (default: the file under
/// the data folder) or <c>postgres</c> (<c>ConnectionStrings:BroadcastHub</c>, an Npgsql connection string, shared by
/// every hub node). Hangfire follows the same choice (<see cref="BackgroundJobs.HangfireSetup"/>).
/// </summary>
public static class DatabaseSetup
{
    /// <summary>The configuration key of the provider.</summary>
    public const string ProviderKey = "BroadcastHub:Database:Provider";

    /// <summary>The name of the connection string used with <c>postgres</c>.</summary>
    public const string ConnectionStringName = "BroadcastHub";

    /// <summary>The configured provider; a value other than sqlite or postgres stops the start with a clear message.</summary>
    public static DatabaseProvider Provider(IConfiguration configuration) =>
        (configuration[ProviderKey] ?? "sqlite").Trim().ToLowerInvariant() switch
        {
            "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => DatabaseProvider.Postgres,
            var other => throw new StartupException(Msg.Get("IsNotValidUseSqliteOr", ProviderKey, other)),
        };

    /// <summary>The PostgreSQL connection string; missing = a clear message at start.</summary>
    public static string PostgresConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } cs ? cs : throw new StartupException(Msg.Get("PostgresNeedsConnectionStringsAnNpgsqlConnection", ProviderKey, ConnectionStringName));

    /// <summary>The app database for the configured provider (nothing is opened yet).</summary>
    public static AppDatabase Create(IConfiguration configuration, BroadcastHubOptions options) =>
        Provider(configuration) == DatabaseProvider.Postgres
            ? AppDatabase.Postgres(PostgresConnectionString(configuration))
            : new AppDatabase(options.AppDatabasePath);
}

/// <summary>A configuration or database problem found at start: printed as one line, and the process exits non-zero.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
