using BroadcastHub.Web.Cli;
using BroadcastHub.Web.Infrastructure.Cli;
using Microsoft.Extensions.Configuration;

namespace BroadcastHub.Web.Tests.Infrastructure.Cli;

/// <summary>Runs a verb in-process through the public entry, capturing Console.Out and Console.Error.</summary>
public static class CliConsole
{
    private static readonly Lock Gate = new();

    public static CliResult Run(IConfiguration config, params string[] args)
    {
        lock (Gate)
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Console.SetOut(stdout);
            Console.SetError(stderr);
            try
            {
                var code = CliVerbs.TryRun(args, config);
                return new CliResult(code, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }
    }

    public static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}

public sealed record CliResult(int? ExitCode, string Out, string Err);
