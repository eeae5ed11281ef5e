using BroadcastHub.Core.Policies;
using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Core.Tests;

public sealed class BroadcastPolicyTests
{
    private static readonly BroadcastPolicy Policy = BroadcastPolicy.Default;

    private static SessionSlot Session(int h, int m, int minutes, params int[] days) =>
        new(1, 1, days.Length == 0 ? IsoWeekdays.Every : IsoWeekdays.FromIso(days), new TimeOnly(h, m), minutes);

    [Theory]
    [InlineData(5, 30, 30, null)]
    [InlineData(3, 15, 30, "outside_allowed_hours")]
    [InlineData(4, 59, 30, "outside_allowed_hours")]
    [InlineData(20, 45, 30, "outside_allowed_hours")]
    [InlineData(20, 30, 30, null)]
    [InlineData(17, 0, 121, "session_too_long")]
    public void Sessions_are_checked_against_hours_and_length(int h, int m, int minutes, string? code)
    {
        var problems = Policy.Check(Session(h, m, minutes), []);
        if (code is null) Assert.Empty(problems);
        else Assert.Contains(problems, p => p.Code == code);
    }

    [Fact]
    public void Weekdays_and_sessions_per_day_are_limited()
    {
        var weekdays = Policy with { Weekdays = IsoWeekdays.FromIso([1, 2, 3, 4, 5]), MaxSessionsPerDay = 2 };
        Assert.Contains(weekdays.Check(Session(6, 0, 30, 6), []), p => p.Code == "weekday_not_allowed");
        var others = new[] { Session(5, 30, 30, 1) with { Id = 2 }, Session(17, 0, 30, 1) with { Id = 3 } };
        Assert.Contains(weekdays.Check(Session(11, 0, 30, 1), others), p => p.Code == "too_many_sessions");
        Assert.DoesNotContain(weekdays.Check(Session(11, 0, 30, 2), others), p => p.Code == "too_many_sessions");
    }

    [Fact]
    public void Air_is_allowed_only_inside_the_hours_on_allowed_days()
    {
        var plus7 = TimeSpan.FromHours(7);
        Assert.False(Policy.AllowsAirAt(new DateTimeOffset(2026, 12, 1, 3, 15, 0, plus7)));
        Assert.True(Policy.AllowsAirAt(new DateTimeOffset(2026, 12, 1, 5, 0, 0, plus7)));
        Assert.False(Policy.AllowsAirAt(new DateTimeOffset(2026, 12, 1, 21, 0, 0, plus7)));
        var weekdaysOnly = Policy with { Weekdays = IsoWeekdays.FromIso([1, 2, 3, 4, 5]) };
        Assert.False(weekdaysOnly.AllowsAirAt(new DateTimeOffset(2026, 12, 5, 6, 0, 0, plus7))); // Saturday
    }
}
