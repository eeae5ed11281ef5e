using Microsoft.Extensions.Options;

namespace BroadcastHub.Station.Hosting;

/// <summary>Runs the agent; a configuration fault found at start ends the process with a plain message, not a stack trace.</summary>
public static class StartupFailure
{
    /// <summary>Exit code for a configuration fault (sysexits EX_CONFIG), so a service manager can tell it from a crash.</summary>
    public const int ConfigurationExitCode = 78;

    /// <summary>Runs <paramref name="app"/> to the end; returns 0, or <see cref="ConfigurationExitCode"/> after writing why to stderr.</summary>
    public static int RunOrExplain(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            app.Run();
            return 0;
        }
        catch (Exception e) when (Explain(e) is { } message)
        {
            Console.Error.WriteLine($"BroadcastHub station agent did not start: {message}");
            return ConfigurationExitCode;
        }
    }

    /// <summary>The configuration fault behind <paramref name="e"/>, or null when it is something else.</summary>
    public static string? Explain(Exception e) => e switch
    {
        OptionsValidationException v => string.Join(" ", v.Failures),
        AggregateException a when a.InnerExceptions.All(i => Explain(i) is not null) =>
            string.Join(" ", a.InnerExceptions.Select(i => Explain(i))),
        // The binder's own message names the key ("Failed to convert configuration value at 'BroadcastHub:…'").
        InvalidOperationException { InnerException: not null } i when i.Message.Contains(StationOptions.Section + ":", StringComparison.Ordinal) => i.Message,
        _ => null,
    };
}
