using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Postgres;

/// <summary>A wrong or unreachable database at start: one clear line and a non-zero exit, never a stack trace loop.</summary>
public sealed class DatabaseStartTests
{
    [Fact]
    public async Task An_unreachable_PostgreSQL_database_stops_the_start_with_one_clear_line_and_exit_code_3()
    {
        var (code, output) = await RunAsync(new()
        {
            ["BroadcastHub__Database__Provider"] = "postgres",
            ["ConnectionStrings__BroadcastHub"] = "Host=127.0.0.1;Port=1;Username=bh;Database=bh;Timeout=3",
        });

        Assert.Equal(3, code);
        Assert.Contains("BroadcastHub cannot start:", output);
        Assert.Contains("ConnectionStrings:BroadcastHub", output);
        Assert.DoesNotContain("   at ", output);   // no stack trace
    }

    [Fact]
    public async Task An_unknown_provider_or_a_missing_connection_string_is_refused_by_name()
    {
        var (unknown, unknownOutput) = await RunAsync(new() { ["BroadcastHub__Database__Provider"] = "oracle" });
        Assert.Equal(3, unknown);
        Assert.Contains("'oracle'", unknownOutput);

        var (missing, missingOutput) = await RunAsync(new() { ["BroadcastHub__Database__Provider"] = "postgres" });
        Assert.Equal(3, missing);
        Assert.Contains("ConnectionStrings:BroadcastHub", missingOutput);
        Assert.DoesNotContain("   at ", missingOutput);
    }

    private static Task<(int Code, string Output)> RunAsync(Dictionary<string, string> settings) => HubStart.RunToExitAsync(settings);
}
