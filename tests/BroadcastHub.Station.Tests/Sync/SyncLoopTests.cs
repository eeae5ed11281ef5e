using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using BroadcastHub.Station.Hosting;
using BroadcastHub.Station.Sync;
using BroadcastHub.Station.Tests.Support;

namespace BroadcastHub.Station.Tests.Sync;

public sealed class SyncLoopTests : IDisposable
{
    private static readonly TimeSpan DefaultFirst = TimeSpan.FromSeconds(StationAgentOptions.DefaultRetryFirstSeconds);
    private static readonly TimeSpan DefaultMax = TimeSpan.FromSeconds(StationAgentOptions.DefaultRetryMaxSeconds);

    private readonly TempFolder _data = new();

    [Theory]
    [InlineData(0, 30)]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(4, 40)]
    [InlineData(30, 300)]
    public void After_failed_rounds_the_wait_doubles_from_5_seconds_up_to_5_minutes(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SyncLoop.DelayAfter(failures, TimeSpan.FromSeconds(30), DefaultFirst, DefaultMax));

    [Fact]
    public void A_poll_interval_longer_than_5_minutes_caps_the_back_off_instead() =>
        Assert.Equal(TimeSpan.FromMinutes(10), SyncLoop.DelayAfter(30, TimeSpan.FromMinutes(10), DefaultFirst, DefaultMax));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 5)]
    [InlineData(30, 5)]
    public void The_configured_back_off_doubles_from_its_first_wait_up_to_its_cap(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SyncLoop.DelayAfter(failures, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));

    [Fact]
    public void The_clock_offset_is_corrected_by_half_the_round_trip_and_taken_from_the_fastest_sample()
    {
        var state = new SyncState();
        var t0 = new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
        // 100 ms round trip; the hub stamped 150 ms after sending, i.e. 100 ms after the middle: the station is 100 ms behind.
        state.AddClockSample(t0, t0.AddMilliseconds(150), t0.AddMilliseconds(100));
        Assert.Equal(-100, state.ClockOffsetMs);
        // A slow exchange (2 s round trip) says little; the fast one stays the estimate.
        state.AddClockSample(t0, t0.AddMilliseconds(1900), t0.AddMilliseconds(2000));
        Assert.Equal(-100, state.ClockOffsetMs);
    }

    [Fact]
    public async Task An_enrolled_agent_whose_hub_is_unreachable_keeps_running_and_says_so_on_health()
    {
        var closedPort = ClosedPort();
        await using var app = StationHost.Create(["--urls=http://127.0.0.1:0", $"--BroadcastHub:DataPath={_data.Path}",
            $"--BroadcastHub:Hub:Url=http://127.0.0.1:{closedPort}/", "--BroadcastHub:Hub:StationToken=bhst_test", "--BroadcastHub:Station:PollSeconds=5"]);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        var health = await http.GetFromJsonAsync<JsonElement>("/health");
        for (var i = 0; i < 50 && health.GetProperty("hubReachable").ValueKind == JsonValueKind.Null; i++)
        {
            await Task.Delay(100);
            health = await http.GetFromJsonAsync<JsonElement>("/health");
        }

        Assert.Equal("enrolled", health.GetProperty("state").GetString());
        Assert.False(health.GetProperty("hubReachable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, health.GetProperty("lastSync").ValueKind);
        Assert.Equal(0, health.GetProperty("pendingAirtime").GetInt64());
        Assert.DoesNotContain("bhst_test", health.GetRawText());
        var page = await http.GetStringAsync("/");
        Assert.Contains("Không kết nối được (unreachable)", page);
        Assert.True(File.Exists(Path.Combine(_data.Path, "station.db")));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(3601)]
    public void A_poll_interval_out_of_range_names_the_key(int seconds)
    {
        var options = new StationOptions();
        options.Station.PollSeconds = seconds;
        var failure = Assert.Single(new StationOptionsValidator().Validate(null, options).Failures!);
        Assert.StartsWith("BroadcastHub:Station:PollSeconds ", failure);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
