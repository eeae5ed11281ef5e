using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Mvc;
using Microsoft.Extensions.Configuration;

namespace BroadcastHub.Web.Tests.Infrastructure.Cli;

/// <summary>ASPNETCORE_URLS and its kin decide where the app listens; the built-in default only fills a gap.</summary>
public sealed class ListenAddressTests
{
    [Fact]
    public async Task The_real_app_listens_where_ASPNETCORE_URLS_says()
    {
        var port = FreePort();
        var data = Path.Combine(Path.GetTempPath(), "bh-urls-" + Guid.NewGuid().ToString("N")[..10]);
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "BroadcastHub.Web.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["BroadcastHub__DataPath"] = data;
        info.Environment["BroadcastHub__Outputs__Default"] = "null";
        info.Environment["BroadcastHub__HangfireStorage"] = "InMemory";
        info.Environment["BROADCASTHUB_ADMIN_PASSWORD"] = "Urls-Admin-Pass-1";
        var output = new StringBuilder();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            var answered = false;
            for (var deadline = DateTime.UtcNow.AddSeconds(60); !answered && !process.HasExited && DateTime.UtcNow < deadline; await Task.Delay(200))
            {
                try
                {
                    answered = (await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                }
            }
            lock (output) Assert.True(answered, "nothing answered on the ASPNETCORE_URLS port:\n" + output);
            lock (output) Assert.Contains($"BroadcastHub is running: http://127.0.0.1:{port}", output.ToString());
        }
        finally
        {
            if (!process.HasExited) process.Kill();
            await process.WaitForExitAsync();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("urls", "http://0.0.0.0:8080", false)]
    [InlineData("http_ports", "8080", false)]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:8081", false)]
    public void The_default_applies_only_when_no_setting_names_an_address(string? key, string? value, bool applies)
    {
        var settings = new Dictionary<string, string?>();
        if (key is not null) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        Assert.Equal(applies, ListenAddress.NothingConfigured(configuration));
    }

    [Fact]
    public void The_shipped_settings_name_no_address()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();
        Assert.True(ListenAddress.NothingConfigured(configuration));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
