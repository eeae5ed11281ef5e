using BroadcastHub.Core.Access;
using BroadcastHub.Web.Features.Scheduling;
using BroadcastHub.Web.Infrastructure.Database;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Scope;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;

namespace BroadcastHub.Web.Infrastructure.BackgroundJobs;

/// <summary>
/// Hangfire on its own SQLite file, polling every second; with the PostgreSQL provider, Hangfire.PostgreSql in its own
/// schema (<c>hangfire</c>) of the app's database, shared by every hub node. Its storage is disposable: the app
/// database is the truth.
/// </summary>
public static class HangfireSetup
{
    /// <summary>The schema of Hangfire.PostgreSql's tables in the app database.</summary>
    public const string PostgresSchema = "hangfire";

    public static IServiceCollection AddBroadcastHubHangfire(this IServiceCollection services, BroadcastHubOptions options, ILogger log,
        IConfiguration? configuration = null)
    {
        var inMemory = options.HangfireStorage.Equals("InMemory", StringComparison.OrdinalIgnoreCase);
        var postgres = !inMemory && configuration is not null && OnPostgres(configuration);
        services.AddSingleton(new Playout.HangfireRebuildNotice(!inMemory && !postgres ? MoveAsideIfDamaged(options.HangfireDatabasePath, log) : null));
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (inMemory) config.UseInMemoryStorage();
            else if (postgres)
                config.UsePostgreSqlStorage(c => c.UseNpgsqlConnection(DatabaseSetup.PostgresConnectionString(configuration!)), new PostgreSqlStorageOptions
                {
                    SchemaName = PostgresSchema,
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                    InvisibilityTimeout = TimeSpan.FromMinutes(30),
                });
            else config.UseSQLiteStorage(options.HangfireDatabasePath, new SQLiteStorageOptions
            {
                QueuePollInterval = TimeSpan.FromSeconds(1),
                InvisibilityTimeout = TimeSpan.FromMinutes(30),
            });
        });
        services.AddHangfireServer(o =>
        {
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            o.WorkerCount = 4;
            o.ServerName = $"station{options.StationId}-{Environment.MachineName}";
            o.Queues = [BroadcastHub.Core.Places.Station.QueueOf(options.StationId), "default"];
        });
        services.AddSingleton<PlanningWatch>();
        services.AddHostedService<PlannerWatchdog>();
        return services;
    }

    private static bool OnPostgres(IConfiguration configuration)
    {
        try
        {
            return DatabaseSetup.Provider(configuration) == BroadcastHub.Data.DatabaseProvider.Postgres;
        }
        catch (StartupException)
        {
            return false;   // reported once, by DatabaseStart, before anything runs
        }
    }

    /// <summary>
    /// The dashboard can delete and trigger jobs, so only an administrator of the whole organisation (no unit) sees it;
    /// anyone else gets 401/403, as if it were not there.
    /// </summary>
    public static bool IsOrganisationAdmin(HttpContext http)
    {
        if (!http.User.IsInRole(Roles.Admin)) return false;
        try
        {
            return http.RequestServices.GetRequiredService<UserScope>().IsWhole;
        }
        catch (AppException)
        {
            return false;
        }
    }

    /// <summary>
    /// That storage has open reports of lock and heartbeat faults; a damaged file must never stop the morning
    /// session. If SQLite finds it corrupt, it is renamed aside and a fresh one is created; the planner re-arms
    /// everything from the app database on start. Returns the note the alert shows when it did, else null.
    /// </summary>
    public static string? MoveAsideIfDamaged(string path, ILogger log)
    {
        if (!File.Exists(path)) return null;
        string? problem;
        try
        {
            using var connection = new SqliteConnection($"Data Source={path};Mode=ReadWrite;Pooling=False");
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA quick_check;";
            problem = check.ExecuteScalar() as string is "ok" ? null : "quick_check failed";
        }
        catch (SqliteException e)
        {
            problem = e.Message;
        }
        if (problem is null) return null;
        var aside = path + ".damaged-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(path + suffix)) File.Move(path + suffix, aside + suffix);
        log.LogError("Hangfire storage {Path} was damaged ({Problem}); moved to {Aside} and rebuilt", path, problem, aside);
        return Msg.Get("HangfireStorageWasDamagedAndRebuilt", problem, aside);
    }
}
