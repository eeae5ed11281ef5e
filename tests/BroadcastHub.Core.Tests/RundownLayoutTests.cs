using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Core.Tests;

public sealed class RundownLayoutTests
{
    private static readonly Dictionary<long, double> Durations = new() { [1] = 60, [2] = 120, [3] = 30, [4] = 600 };
    private static readonly DateOnly Day = new(2026, 12, 1);

    private static Booking Book(long id, params long[] bulletins) => new(id, 1, bulletins, Day, Day);

    [Fact]
    public void Priority_bookings_go_first_then_booking_order()
    {
        var (slots, overflow) = RundownLayout.Build(
            [Book(1, 1), Book(2, 2) with { Priority = BookingPriority.Priority }, Book(3, 3)], Durations, 1800);
        Assert.Equal([(2L, 0.0), (1L, 120.0), (3L, 180.0)], slots.Select(s => (s.BulletinId, s.OffsetSeconds)));
        Assert.Empty(overflow);
    }

    [Fact]
    public void A_repeat_plays_n_times_at_its_interval_other_items_fill_the_wait_and_silence_the_rest()
    {
        var repeated = Book(1, 1) with { Repeat = 3, RepeatIntervalSeconds = 300 };
        var (slots, _) = RundownLayout.Build([repeated, Book(2, 2)], Durations, 1800);
        Assert.Equal(
            [(1L, 0.0, (double?)null), (2L, 60.0, null), (1L, 300.0, 300.0), (1L, 600.0, 600.0)],
            slots.Select(s => (s.BulletinId, s.OffsetSeconds, s.NotBeforeSeconds)));
    }

    [Fact]
    public void A_repeat_that_comes_due_while_something_plays_follows_it_without_overlap()
    {
        var repeated = Book(1, 1) with { Repeat = 2, RepeatIntervalSeconds = 100 };
        var (slots, _) = RundownLayout.Build([repeated, Book(2, 2)], Durations, 1800);
        Assert.Equal([(1L, 0.0), (2L, 60.0), (1L, 180.0)], slots.Select(s => (s.BulletinId, s.OffsetSeconds)));
    }

    [Fact]
    public void Items_ending_after_the_session_are_kept_and_reported_as_overflow()
    {
        var (slots, overflow) = RundownLayout.Build([Book(1, 4, 4), Book(2, 2)], Durations, 900);
        Assert.Equal(3, slots.Count);
        Assert.Equal([(4L, 600.0), (2L, 1200.0)], overflow.Select(s => (s.BulletinId, s.OffsetSeconds)));
    }

    [Fact]
    public void The_layout_is_deterministic()
    {
        var bookings = new[] { Book(5, 1, 2), Book(3, 3) with { Repeat = 2, RepeatIntervalSeconds = 60 }, Book(4, 2) with { Priority = BookingPriority.Priority } };
        Assert.Equal(RundownLayout.Build(bookings, Durations, 1800).Slots, RundownLayout.Build(bookings.Reverse(), Durations, 1800).Slots);
    }

    [Fact]
    public void Stored_offsets_follow_the_same_rule()
    {
        Assert.Equal([0.0, 60.0, 300.0, 360.0], RundownTimeline.Offsets([(null, 60), (null, 120), (300, 60), (null, 10)]));
    }
}
