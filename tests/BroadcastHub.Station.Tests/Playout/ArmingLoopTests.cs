using BroadcastHub.Core.Time;
using BroadcastHub.Station.Cache;
using BroadcastHub.Station.Hosting;
using BroadcastHub.Station.Local;
using BroadcastHub.Station.Playout;
using BroadcastHub.Station.Sync;
using BroadcastHub.Station.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Station.Tests.Playout;

/// <summary>The agent's own arming, with the real engine wired as the agent wires it, on a real local database.</summary>
public sealed class ArmingLoopTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task An_occurrence_that_ended_while_the_PC_was_off_is_recorded_Missed_once_and_one_far_ahead_is_not_armed()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BroadcastHub:DataPath"] = _data.Path, ["BroadcastHub:Outputs:Default"] = "null",
        }).Build());
        services.AddOptions<StationOptions>().BindConfiguration(StationOptions.Section);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new LocalDatabase(sp.GetRequiredService<IOptions<StationOptions>>().Value.FullDataPath));
        services.AddSingleton<ManifestStore>();
        services.AddSingleton(sp => StationSetup.CacheSettings(sp.GetRequiredService<IOptions<StationOptions>>().Value));
        services.AddSingleton(new HttpClient());
        services.AddSingleton<MediaCache>();
        services.AddAgentPlayout();
        await using var provider = services.BuildServiceProvider();
        var now = TimeProvider.System.GetUtcNow();
        provider.GetRequiredService<ManifestStore>().Replace(new HubManifest(3, StationClock.DefaultTimeZoneId, "v1", now, now.AddDays(-1), now.AddDays(1), 1, 120,
            [new HubZone(7, 70, "Xã thử", new HubPolicy("00:00", "00:00", [1, 2, 3, 4, 5, 6, 7], 120, 4))],
            [Occurrence(1, now.AddHours(-2)), Occurrence(2, now.AddHours(3))]), now);
        var arming = provider.GetRequiredService<ArmingLoop>();
        var log = provider.GetRequiredService<LocalAirtimeLog>();

        Assert.Equal(1, arming.ArmDue());
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (log.All().Count < 1 && DateTime.UtcNow < deadline) await Task.Delay(50);

        var missed = Assert.Single(log.All());
        Assert.Equal((1L, "Missed"), (missed.OccurrenceId, missed.Outcome));
        Assert.Contains("the session had already ended", missed.Error, StringComparison.Ordinal);
        Assert.Equal(0, arming.ArmDue());
        Assert.Equal(1, new AirtimeOutbox(provider.GetRequiredService<LocalDatabase>(), TimeProvider.System).PendingCount());
    }

    private static HubOccurrence Occurrence(long id, DateTimeOffset start) =>
        new(id, 7, 70, 5, start.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            start, start.AddMinutes(30), "Planned",
            [new HubItem(0, 11, "Tin", new string('c', 64), 3, 2, -16, -1, 0, start, null, 1, null, 44100, 22050, 1)]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
