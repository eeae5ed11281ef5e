using BroadcastHub.Core.Policies;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using Microsoft.Extensions.Time.Testing;

namespace BroadcastHub.Core.Tests;

public sealed class OneOffSessionTests
{
    private static readonly DateOnly Wednesday = new(2026, 12, 2);

    [Fact]
    public void A_one_off_session_takes_place_on_its_date_only()
    {
        var session = SessionSlot.OneOff(1, 1, Wednesday, new TimeOnly(19, 0), 30);
        Assert.True(session.IsOneOff);
        Assert.Equal([3], session.Weekdays.ToIso());
        Assert.True(session.OccursOn(Wednesday));
        Assert.False(session.OccursOn(Wednesday.AddDays(7)));
    }

    [Fact]
    public void The_planner_gives_a_one_off_session_one_occurrence_even_under_a_daily_booking()
    {
        var clock = new StationClock(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero)), StationClock.FindZone("Asia/Ho_Chi_Minh"));
        var session = SessionSlot.OneOff(1, 1, Wednesday, new TimeOnly(19, 0, 30), 30);
        var plan = new OccurrencePlanner(clock).Plan(session, [new Booking(1, 1, [7], new(2026, 11, 30), new(2026, 12, 13))],
            new Dictionary<long, double> { [7] = 60 }, new(2026, 11, 30), new(2026, 12, 13));
        var occ = Assert.Single(plan);
        Assert.Equal(Wednesday, occ.LocalDate);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 12, 0, 30, TimeSpan.Zero), occ.StartUtc);
    }

    [Fact]
    public void Overlap_with_one_offs_is_judged_on_their_date()
    {
        var daily = new SessionSlot(1, 1, IsoWeekdays.Every, new TimeOnly(19, 0), 30);
        var weekdaysOnly = new SessionSlot(2, 1, IsoWeekdays.FromIso([1, 2, 4, 5]), new TimeOnly(19, 0), 30);
        var oneOff = SessionSlot.OneOff(3, 1, Wednesday, new TimeOnly(19, 15), 30);
        Assert.True(oneOff.Overlaps(daily));
        Assert.True(daily.Overlaps(oneOff));
        Assert.False(oneOff.Overlaps(weekdaysOnly));
        Assert.False(oneOff.Overlaps(SessionSlot.OneOff(4, 1, Wednesday.AddDays(7), new TimeOnly(19, 15), 30)));
        Assert.True(oneOff.Overlaps(SessionSlot.OneOff(5, 1, Wednesday, new TimeOnly(19, 40), 10)));
    }

    [Fact]
    public void Sessions_per_day_count_one_offs_on_their_date_only()
    {
        var policy = BroadcastPolicy.Default with { MaxSessionsPerDay = 2 };
        var morning = new SessionSlot(1, 1, IsoWeekdays.Every, new TimeOnly(5, 30), 30);
        var evening = new SessionSlot(2, 1, IsoWeekdays.FromIso([1, 2, 4, 5, 6, 7]), new TimeOnly(17, 0), 30);
        Assert.Empty(policy.Check(SessionSlot.OneOff(0, 1, Wednesday, new TimeOnly(19, 0), 30), [morning, evening]));
        Assert.Equal("too_many_sessions", Assert.Single(policy.Check(SessionSlot.OneOff(0, 1, Wednesday.AddDays(1), new TimeOnly(19, 0), 30), [morning, evening])).Code);
        // Two one-offs on different Wednesdays make one more session on a Wednesday, not two; on the same Wednesday, two.
        var three = BroadcastPolicy.Default with { MaxSessionsPerDay = 3 };
        var wednesdays = new SessionSlot(0, 1, IsoWeekdays.FromIso([3]), new TimeOnly(12, 0), 30);
        var apart = new[] { morning, SessionSlot.OneOff(3, 1, Wednesday, new TimeOnly(19, 0), 30), SessionSlot.OneOff(4, 1, Wednesday.AddDays(7), new TimeOnly(19, 0), 30) };
        Assert.Empty(three.Check(wednesdays, apart));
        var together = new[] { morning, SessionSlot.OneOff(3, 1, Wednesday, new TimeOnly(19, 0), 30), SessionSlot.OneOff(4, 1, Wednesday, new TimeOnly(20, 0), 30) };
        Assert.Equal("too_many_sessions", Assert.Single(three.Check(wednesdays, together)).Code);
    }
}
