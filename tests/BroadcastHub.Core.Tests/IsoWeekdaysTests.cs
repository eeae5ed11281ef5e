using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Core.Tests;

public sealed class IsoWeekdaysTests
{
    [Fact]
    public void Iso_numbers_map_to_the_right_dates()
    {
        var mondayAndSunday = IsoWeekdays.FromIso([1, 7]);
        Assert.True(mondayAndSunday.Contains(new DateOnly(2026, 11, 30)));  // Monday
        Assert.True(mondayAndSunday.Contains(new DateOnly(2026, 11, 29)));  // Sunday
        Assert.False(mondayAndSunday.Contains(new DateOnly(2026, 11, 28))); // Saturday
        Assert.Equal([1, 7], mondayAndSunday.ToIso());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void Numbers_outside_1_to_7_are_refused(int day) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IsoWeekdays.FromIso([day]));

    [Fact]
    public void An_empty_set_is_refused() => Assert.Throws<ArgumentException>(() => IsoWeekdays.FromIso([]));
}
