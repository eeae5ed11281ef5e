using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using Microsoft.Extensions.Time.Testing;

namespace BroadcastHub.Core.Tests;

public sealed class OverflowReplacementTests
{
    private static readonly StationClock Clock = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero)),
        StationClock.FindZone("Asia/Ho_Chi_Minh"));
    private static readonly SessionSlot Session = new(1, 1, IsoWeekdays.Every, new TimeOnly(17, 0), 2); // 120 s
    private static readonly Dictionary<long, double> Durations = new() { [1] = 50, [2] = 50, [3] = 60, [4] = 200, [5] = 30 };
    private static readonly DateOnly Day1 = new(2026, 12, 1);

    private static IReadOnlyList<PlannedOccurrence> Plan(IReadOnlyList<Booking> bookings) =>
        new OccurrencePlanner(Clock).Plan(Session, bookings, Durations, Day1, Day1.AddDays(6));

    private static Booking Normal(long id, long bulletin, DateOnly from, DateOnly to) => new(id, 1, [bulletin], from, to);

    [Fact]
    public void A_booking_that_fits_displaces_nothing()
    {
        Assert.Empty(OverflowReplacement.Choose([Normal(1, 1, Day1, Day1.AddDays(6))], Normal(9, 5, Day1, Day1), Plan)!);
    }

    [Fact]
    public void The_newest_normal_booking_in_the_way_is_ended_from_the_first_overflowing_date()
    {
        // 50 + 50 + 60 = 160 s > 120 s from day 3 on, where the new booking starts; ending the newest (2) is enough.
        var existing = new[] { Normal(1, 1, Day1, Day1.AddDays(6)), Normal(2, 2, Day1, Day1.AddDays(6)) };
        var candidate = Normal(9, 3, Day1.AddDays(2), Day1.AddDays(3));
        var displaced = OverflowReplacement.Choose(existing, candidate, Plan)!;
        Assert.Equal([new Displacement(2, Day1.AddDays(2))], displaced);

        var after = Plan([existing[0], existing[1] with { CancelledFrom = Day1.AddDays(2) }, candidate]);
        Assert.Equal([1L, 2L], after.Single(p => p.LocalDate == Day1.AddDays(1)).Items.Select(i => i.BulletinId));
        Assert.Equal([1L, 3L], after.Single(p => p.LocalDate == Day1.AddDays(2)).Items.Select(i => i.BulletinId));
        Assert.Equal([1L], after.Single(p => p.LocalDate == Day1.AddDays(5)).Items.Select(i => i.BulletinId));
        Assert.All(after, p => Assert.Empty(p.Overflow));
    }

    [Fact]
    public void Several_bookings_are_displaced_newest_first_until_it_fits()
    {
        var existing = new[] { Normal(1, 1, Day1, Day1), Normal(2, 2, Day1, Day1) };
        var displaced = OverflowReplacement.Choose(existing, Normal(9, 3, Day1, Day1) with { Repeat = 2, RepeatIntervalSeconds = 60 }, Plan)!;
        Assert.Equal([new Displacement(2, Day1), new Displacement(1, Day1)], displaced);
    }

    [Fact]
    public void Priority_bookings_are_never_displaced_and_what_cannot_fit_is_refused()
    {
        var priority = Normal(1, 3, Day1, Day1) with { Priority = BookingPriority.Priority };
        // 60 s priority + 90 s new = 150 s > 120 s even once the normal booking is gone.
        Assert.Null(OverflowReplacement.Choose([priority, Normal(2, 1, Day1, Day1)], new Booking(9, 1, [3, 5], Day1, Day1), Plan));
        Assert.Null(OverflowReplacement.Choose([], Normal(9, 4, Day1, Day1), Plan));
    }

    [Fact]
    public void A_priority_booking_displaces_normal_ones_that_it_pushes_out()
    {
        var existing = new[] { Normal(1, 1, Day1, Day1), Normal(2, 2, Day1, Day1) };
        var urgent = Normal(9, 3, Day1, Day1) with { Priority = BookingPriority.Priority };
        Assert.Equal([new Displacement(2, Day1)], OverflowReplacement.Choose(existing, urgent, Plan)!);
    }
}
