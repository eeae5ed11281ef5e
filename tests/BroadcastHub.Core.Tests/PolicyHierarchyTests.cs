using BroadcastHub.Core.Policies;
using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Core.Tests;

public sealed class PolicyHierarchyTests
{
    private static readonly BroadcastPolicy Province = new(new TimeOnly(5, 0), new TimeOnly(21, 0), IsoWeekdays.FromIso([1, 2, 3, 4, 5, 6]), 60, 3);

    [Fact]
    public void A_narrower_policy_passes()
    {
        var commune = new BroadcastPolicy(new TimeOnly(5, 30), new TimeOnly(18, 0), IsoWeekdays.FromIso([1, 3, 5]), 45, 2);
        Assert.Empty(PolicyHierarchy.Widenings(commune, Province));
        Assert.Empty(PolicyHierarchy.Widenings(Province, Province));
    }

    [Theory]
    [InlineData(0, 0, 0, 0, "hours_wider")]
    [InlineData(5, 0, 22, 0, "hours_wider")]
    [InlineData(4, 59, 21, 0, "hours_wider")]
    public void Hours_outside_the_parent_are_wider(int fromH, int fromM, int toH, int toM, string code)
    {
        var child = Province with { AllowedFrom = new TimeOnly(fromH, fromM), AllowedTo = new TimeOnly(toH, toM) };
        Assert.Contains(PolicyHierarchy.Widenings(child, Province), w => w.Code == code);
    }

    [Fact]
    public void More_weekdays_longer_sessions_or_more_sessions_are_wider()
    {
        Assert.Contains(PolicyHierarchy.Widenings(Province with { Weekdays = IsoWeekdays.Every }, Province), w => w.Code == "weekdays_wider");
        Assert.Contains(PolicyHierarchy.Widenings(Province with { MaxSessionMinutes = 61 }, Province), w => w.Code == "session_minutes_wider");
        Assert.Contains(PolicyHierarchy.Widenings(Province with { MaxSessionsPerDay = 4 }, Province), w => w.Code == "sessions_per_day_wider");
    }

    [Fact]
    public void The_effective_policy_is_the_intersection_of_the_path_whatever_the_nearest_says()
    {
        var oldWideChild = new BroadcastPolicy(TimeOnly.MinValue, TimeOnly.MinValue, IsoWeekdays.Every, 240, 10);
        var effective = PolicyHierarchy.Effective([oldWideChild, Province])!;
        Assert.Equal(Province, effective);
        Assert.False(effective.AllowsAirAt(new DateTimeOffset(2026, 12, 7, 3, 15, 0, TimeSpan.FromHours(7))));
        Assert.Contains(effective.Check(new SessionSlot(1, 1, IsoWeekdays.Every, new TimeOnly(3, 15), 30), []), p => p.Code == "outside_allowed_hours");
    }

    [Fact]
    public void Intersection_takes_the_later_start_the_earlier_end_common_days_and_lower_limits()
    {
        var other = new BroadcastPolicy(new TimeOnly(6, 0), TimeOnly.MinValue, IsoWeekdays.FromIso([5, 6, 7]), 90, 2);
        var both = PolicyHierarchy.Intersect(Province, other);
        Assert.Equal(new BroadcastPolicy(new TimeOnly(6, 0), new TimeOnly(21, 0), IsoWeekdays.FromIso([5, 6]), 60, 2), both);
        Assert.Null(PolicyHierarchy.Effective([]));
    }

    [Fact]
    public void Hours_that_do_not_overlap_allow_nothing()
    {
        var morning = Province with { AllowedFrom = new TimeOnly(5, 0), AllowedTo = new TimeOnly(8, 0) };
        var evening = Province with { AllowedFrom = new TimeOnly(17, 0), AllowedTo = new TimeOnly(19, 0) };
        var none = PolicyHierarchy.Intersect(morning, evening);
        Assert.False(none.AllowsAirAt(new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.FromHours(7))));
        Assert.False(none.AllowsAirAt(new DateTimeOffset(2026, 12, 7, 18, 0, 0, TimeSpan.FromHours(7))));
        Assert.NotEmpty(none.Check(new SessionSlot(1, 1, IsoWeekdays.Every, new TimeOnly(17, 30), 30), []));
    }
}
