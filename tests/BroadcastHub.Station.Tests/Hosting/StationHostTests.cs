using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Station.Hosting;
using BroadcastHub.Station.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Station.Tests.Hosting;

public sealed class StationHostTests : IDisposable
{
    private readonly TempFolder _data = new();

    private string[] Args(params string[] settings) =>
        ["--urls=http://127.0.0.1:0", $"--BroadcastHub:DataPath={_data.Path}", .. settings];

    private async Task<(WebApplication App, HttpClient Http)> StartAsync(params string[] settings)
    {
        var app = StationHost.Create(Args(settings));
        await app.StartAsync();
        return (app, new HttpClient { BaseAddress = new Uri(app.Urls.Single()) });
    }

    [Theory]
    [InlineData("0")]
    [InlineData("31")]
    [InlineData("three")]
    public async Task A_bad_cache_days_stops_the_host_at_start_naming_the_key(string days)
    {
        await using var app = StationHost.Create(Args($"--BroadcastHub:Station:CacheDays={days}"));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        var message = StartupFailure.Explain(error);
        Assert.NotNull(message);
        Assert.Contains("BroadcastHub:Station:CacheDays", message);
        Assert.Empty(app.Urls);
    }

    [Fact]
    public async Task A_bad_hub_address_stops_the_host_at_start_naming_the_key()
    {
        await using var app = StationHost.Create(Args("--BroadcastHub:Hub:Url=hub.example.vn", "--BroadcastHub:Hub:StationToken=t0ken"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("BroadcastHub:Hub:Url", StartupFailure.Explain(error));
    }

    [Fact]
    public async Task Good_settings_start_the_real_host_on_the_configured_address()
    {
        await using var app = StationHost.Create(Args());

        await app.StartAsync();

        var address = Assert.Single(app.Urls);
        Assert.StartsWith("http://127.0.0.1:", address);
        using var http = new HttpClient();
        var health = await http.GetFromJsonAsync<JsonElement>(address + "/health");
        Assert.Equal("not_enrolled", health.GetProperty("state").GetString());
        await app.StopAsync();
    }

    [Fact]
    public async Task Health_tells_what_is_real_and_nothing_more()
    {
        var (app, client) = await StartAsync();
        await using var _ = app;
        using var __ = client;

        var health = await client.GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("not_enrolled", health.GetProperty("state").GetString());
        Assert.Equal(3, health.GetProperty("cacheDays").GetInt32());
        Assert.Equal(0, health.GetProperty("cache").GetProperty("files").GetInt32());
        Assert.False(string.IsNullOrEmpty(health.GetProperty("agentVersion").GetString()));
        Assert.DoesNotContain(_data.Path, health.GetRawText());
    }

    [Fact]
    public async Task An_enrolled_agent_says_so_and_counts_its_cache()
    {
        var sha = new string('c', 64);
        Directory.CreateDirectory(Path.Combine(_data.Path, "media", "cc"));
        await File.WriteAllBytesAsync(Path.Combine(_data.Path, "media", "cc", sha + ".audio"), new byte[1234]);
        await File.WriteAllBytesAsync(Path.Combine(_data.Path, "media", "cc", sha + ".audio.partial"), new byte[99]);
        var (app, client) = await StartAsync("--BroadcastHub:Hub:Url=https://hub.example.vn/", "--BroadcastHub:Hub:StationToken=t0ken");
        await using var _ = app;
        using var __ = client;

        var health = await client.GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("enrolled", health.GetProperty("state").GetString());
        Assert.Equal(1, health.GetProperty("cache").GetProperty("files").GetInt32());
        Assert.Equal(1234, health.GetProperty("cache").GetProperty("bytes").GetInt64());
        Assert.DoesNotContain("t0ken", health.GetRawText());
    }

    [Fact]
    public async Task The_status_page_is_served_at_the_root()
    {
        var (app, client) = await StartAsync();
        await using var _ = app;
        using var __ = client;

        var page = await client.GetStringAsync("/");

        Assert.Contains("máy phát", page);
        Assert.Contains("Chưa đăng ký", page);
    }

    public void Dispose() => _data.Dispose();
}
