using BroadcastHub.Core.Library;

namespace BroadcastHub.Core.Tests;

public sealed class BulletinTests
{
    private static Bulletin Make(BulletinStatus status, DateOnly? from = null, DateOnly? until = null) => new()
    {
        Title = "t", OriginalFileName = "f.mp3", Sha256 = "00", Codec = "mp3", Status = status, ValidFrom = from, ValidUntil = until,
        Frames = 44100, SampleRate = 22050,
    };

    [Fact]
    public void Only_approved_bulletins_inside_their_window_are_airable()
    {
        var day = new DateOnly(2026, 12, 1);
        Assert.True(Make(BulletinStatus.Approved).IsAirableOn(day));
        Assert.False(Make(BulletinStatus.PendingApproval).IsAirableOn(day));
        Assert.False(Make(BulletinStatus.Rejected).IsAirableOn(day));
        Assert.True(Make(BulletinStatus.Approved, day, day).IsAirableOn(day));
        Assert.False(Make(BulletinStatus.Approved, day.AddDays(1)).IsAirableOn(day));
        Assert.False(Make(BulletinStatus.Approved, null, day.AddDays(-1)).IsAirableOn(day));
    }

    [Fact]
    public void Duration_is_counted_in_frames() => Assert.Equal(2.0, Make(BulletinStatus.Approved).DurationSeconds);
}
