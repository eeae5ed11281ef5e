using System.Diagnostics;

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

    private static async Task<(int Code, string Output)> RunAsync(Dictionary<string, string> settings)
    {
        var data = Path.Combine(Path.GetTempPath(), "bh-start-" + Guid.NewGuid().ToString("N")[..10]);
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "BroadcastHub.Web.dll"), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["BroadcastHub__DataPath"] = data;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException("the app kept running with a bad database:\n" + await stdout + await stderr);
        }
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
