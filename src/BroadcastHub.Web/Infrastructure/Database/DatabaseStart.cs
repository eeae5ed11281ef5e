using BroadcastHub.Data;

namespace BroadcastHub.Web.Infrastructure.Database;

/// <summary>
/// Runs the first-start work (migrations, first administrator) and turns an unreachable or wrong database into one
/// clear line on stderr and exit code <see cref="ExitCode"/>, instead of a stack trace or a retry loop.
/// </summary>
public static class DatabaseStart
{
    /// <summary>The exit code of a start refused for the database or its configuration.</summary>
    public const int ExitCode = 3;

    /// <summary>Prepares the database; returns null when the app may run, else the exit code.</summary>
    public static int? Prepare(IServiceProvider services, BroadcastHubOptions options, ILogger log)
    {
        try
        {
            FirstStart.Prepare(services, options, log);
            return null;
        }
        catch (Exception e) when (Refusal(e) is { } message)
        {
            log.LogCritical("BroadcastHub cannot start: {Reason}", message);
            Console.Error.WriteLine($"BroadcastHub cannot start: {message}");
            return ExitCode;
        }
    }

    private static string? Refusal(Exception e) => e switch
    {
        StartupException s => s.Message,
        InvalidOperationException { InnerException: StartupException s } => s.Message,
        _ when SqlDialect.IsDatabaseError(e) || e.InnerException is { } inner && SqlDialect.IsDatabaseError(inner) => Msg.Get("TheDatabaseCannotBeOpenedCheck", (e.InnerException ?? e).Message.Split('\n')[0], DatabaseSetup.ProviderKey, DatabaseSetup.ConnectionStringName),
        _ => null,
    };
}
