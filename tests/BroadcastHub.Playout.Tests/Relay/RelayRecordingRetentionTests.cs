using BroadcastHub.Playout.Relay;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BroadcastHub.Playout.Tests.Relay;

/// <summary>Relay recordings go after <c>Relay:RecordingRetentionDays</c>; the airtime recordings' own retention leaves them alone.</summary>
public sealed class RelayRecordingRetentionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "bh-relay-ret-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly FakeTimeProvider _time = new(Now);

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private string Air => Path.Combine(_data, "air");

    private string Recording(string path, int daysOld)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(path, Now.UtcDateTime.AddDays(-daysOld));
        return path;
    }

    private string Relay(int daysOld, long occurrence) =>
        Recording(RelayRecordingPaths.For(Air, DateOnly.FromDateTime(Now.UtcDateTime.AddDays(-daysOld)), occurrence, 0), daysOld);

    [Fact]
    public async Task Relay_recordings_past_retention_go_as_the_clock_moves_on()
    {
        var old = Relay(100, 1);
        var younger = Relay(85, 2);
        var fresh = Relay(1, 3);
        var wav = Recording(Path.Combine(Air, "zone1", "2026-08-01.wav"), 200);
        var upkeep = new RelayRecordingUpkeep(Options.Create(new RelayOptions { RecordingRetentionDays = 90 }),
            Options.Create(new PlayoutOptions { DataPath = _data }), _time, [], NullLogger<RelayRecordingUpkeep>.Instance);

        await upkeep.StartAsync(CancellationToken.None);
        await Until(() => !File.Exists(old));
        Assert.True(File.Exists(younger));

        _time.Advance(TimeSpan.FromDays(6));
        await Until(() => !File.Exists(younger));
        await upkeep.StopAsync(CancellationToken.None);

        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(wav)); // the file output's recordings follow Airtime:RecordingRetentionDays
        Assert.False(Directory.Exists(Path.GetDirectoryName(old)));
    }

    [Fact]
    public void The_airtime_recordings_retention_leaves_relay_recordings_alone()
    {
        var relay = Relay(100, 1);
        var wav = Recording(Path.Combine(Air, "zone1", "2026-08-01.wav"), 100);

        Assert.Equal(1, RecordingRetention.Prune(Air, 30, Now, RelayRecordingPaths.Folder));

        Assert.True(File.Exists(relay));
        Assert.False(File.Exists(wav));
    }

    [Fact]
    public void A_held_recording_not_yet_uploaded_outlives_its_retention()
    {
        var held = Relay(100, 1);
        var free = Relay(100, 2);
        var upkeep = new RelayRecordingUpkeep(Options.Create(new RelayOptions { RecordingRetentionDays = 90 }),
            Options.Create(new PlayoutOptions { DataPath = _data }), _time,
            [new Hold(Path.GetRelativePath(_data, held).Replace('\\', '/'))], NullLogger<RelayRecordingUpkeep>.Instance);

        Assert.Equal(1, upkeep.PruneNow());

        Assert.True(File.Exists(held));
        Assert.False(File.Exists(free));
    }

    private sealed class Hold(string path) : IRelayRecordingHold
    {
        public IReadOnlySet<string> HeldPaths() => new HashSet<string> { path };
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
