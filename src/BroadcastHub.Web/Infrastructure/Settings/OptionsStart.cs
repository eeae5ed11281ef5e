using BroadcastHub.Web.Infrastructure.Database;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Infrastructure.Settings;

/// <summary>
/// Checks every bound options class before anything else runs, so a bad setting stops the start with one line
/// naming its key (and exit code <see cref="DatabaseStart.ExitCode"/>) instead of failing at air time.
/// </summary>
public static class OptionsStart
{
    /// <summary>Null when every setting is valid; else the refusal has been printed and this is the exit code.</summary>
    public static int? Check(IServiceProvider services, ILogger log)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return null;
        }
        catch (Exception e) when (Refusal(e) is { } message)
        {
            return Refuse(message, log);
        }
    }

    /// <summary>Binds <paramref name="section"/> for composition (before the container exists); null when it cannot be bound (printed).</summary>
    public static T? Bind<T>(IConfiguration configuration, string section) where T : class, new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            Refuse(e.Message, null);
            return null;
        }
    }

    private static int Refuse(string message, ILogger? log)
    {
        log?.LogCritical("BroadcastHub cannot start: {Reason}", message);
        Console.Error.WriteLine($"BroadcastHub cannot start: {message}");
        return DatabaseStart.ExitCode;
    }

    private static string? Refusal(Exception e) => e switch
    {
        OptionsValidationException o => string.Join(" ", o.Failures),
        AggregateException a => string.Join(" ", a.InnerExceptions.Select(Refusal).OfType<string>()),
        // The binder's own message names the key and the value it could not convert.
        InvalidOperationException i => i.Message,
        _ => null,
    };
}
