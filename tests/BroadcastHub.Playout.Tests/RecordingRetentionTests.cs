using BroadcastHub.Playout;

namespace BroadcastHub.Playout.Tests;

/// <summary>Recordings under air/ older than the retention setting go; newer ones stay; a second run changes nothing.</summary>
public sealed class RecordingRetentionTests : IDisposable
{
    private readonly string _air = Path.Combine(Path.GetTempPath(), "bh-air-" + Guid.NewGuid().ToString("N")[..10]);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public void Dispose() => Directory.Delete(_air, recursive: true);

    private string Recording(string zone, string name, int daysOld)
    {
        var path = Path.Combine(_air, zone, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(path, Now.UtcDateTime.AddDays(-daysOld));
        return path;
    }

    [Fact]
    public void Recordings_older_than_the_retention_are_deleted_and_newer_ones_kept()
    {
        var old = Recording("zone1", "2026-08-01.wav", 120);
        var older = Recording("zone2", "2026-07-01.wav", 150);
        var recent = Recording("zone1", "2026-11-30.wav", 1);

        Assert.Equal(2, RecordingRetention.Prune(_air, 90, Now));

        Assert.False(File.Exists(old));
        Assert.False(File.Exists(older));
        Assert.True(File.Exists(recent));
        Assert.False(Directory.Exists(Path.Combine(_air, "zone2")));
        Assert.Equal(0, RecordingRetention.Prune(_air, 90, Now));
        Assert.Equal(0, RecordingRetention.Prune(_air, 0, Now.AddYears(5)));
        Assert.True(File.Exists(recent));
    }
}
