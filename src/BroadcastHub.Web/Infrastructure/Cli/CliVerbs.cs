namespace BroadcastHub.Web.Infrastructure.Cli;

/// <summary>
/// Technician verbs of the main executable: <c>analyze FILE [--json]</c>, <c>devices [--json]</c> and
/// <c>test-tone --zone Z</c>. They run instead of the web host and print to the console.
/// </summary>
public static class CliVerbs
{
    /// <summary>Exit code of a verb that succeeded.</summary>
    public const int Ok = 0;

    /// <summary>Exit code of a verb that ran but failed (file refused, output failed).</summary>
    public const int Failed = 1;

    /// <summary>Exit code of a verb called with wrong arguments.</summary>
    public const int Usage = 2;

    /// <summary>The verbs, as typed.</summary>
    public static IReadOnlyList<string> Names { get; } = ["analyze", "devices", "test-tone", "migrate-to-postgres"];

    /// <summary>
    /// Runs the verb named by <paramref name="args"/>[0] and returns its exit code, or returns null when
    /// <paramref name="args"/> does not start with a verb (the caller then starts the web host).
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="config">The app's configuration (appsettings.json, environment variables...).</param>
    public static int? TryRun(string[] args, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || !Names.Contains(args[0], StringComparer.OrdinalIgnoreCase)) return null;
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return Run(args, config, Console.Out, Console.Error, TimeProvider.System, cancel.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Runs a verb with explicit writers and clock (tests). <paramref name="args"/>[0] must be a verb.</summary>
    internal static int Run(string[] args, IConfiguration config, TextWriter stdout, TextWriter stderr, TimeProvider time,
        CancellationToken cancel)
    {
        var verb = args[0].ToLowerInvariant();
        var rest = args.Skip(1).ToArray();
        try
        {
            return verb switch
            {
                "analyze" => AnalyzeVerb.Run(rest, config, stdout, stderr),
                "devices" => DevicesVerb.Run(rest, config, stdout),
                "test-tone" => TestToneVerb.Run(rest, config, stdout, stderr, time, cancel),
                "migrate-to-postgres" => MigrateToPostgresVerb.Run(rest, config, stdout, stderr),
                _ => Usage,
            };
        }
        catch (CliUsageException e)
        {
            stderr.WriteLine(e.Message);
            stderr.WriteLine(UsageText);
            return Usage;
        }
    }

    /// <summary>One-paragraph usage of every verb.</summary>
    public const string UsageText = """
        Usage:
          BroadcastHub.Web analyze FILE [--json]   decode and measure an audio file (format, loudness, peaks, silence)
          BroadcastHub.Web devices [--json]        list the outputs this machine offers
          BroadcastHub.Web test-tone --zone Z      play a 3 s 1 kHz tone at -20 dBFS on zone Z's configured output
          BroadcastHub.Web migrate-to-postgres --from PATH --to CONNECTION
                                                   copy a SQLite app database into an empty PostgreSQL database
        """;
}

/// <summary>Wrong or missing arguments to a verb.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
