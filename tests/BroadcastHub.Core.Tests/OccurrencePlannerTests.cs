using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using Microsoft.Extensions.Time.Testing;

namespace BroadcastHub.Core.Tests;

public sealed class OccurrencePlannerTests
{
    private static readonly StationClock Clock = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero)),
        StationClock.FindZone("Asia/Ho_Chi_Minh"));

    [Fact]
    public void Local_session_start_becomes_the_exact_utc_instant()
    {
        var session = new SessionSlot(1, 1, IsoWeekdays.Every, new TimeOnly(5, 30, 15), 30);
        var plan = new OccurrencePlanner(Clock).Plan(session, [new Booking(1, 1, [7], new(2026, 12, 1), new(2026, 12, 1))], new(2026, 12, 1), new(2026, 12, 1));
        var occ = Assert.Single(plan);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 22, 30, 15, TimeSpan.Zero), occ.StartUtc);
        Assert.Equal(occ.StartUtc.AddMinutes(30), occ.EndUtc);
    }

    [Fact]
    public void Only_weekdays_of_the_session_and_dates_of_the_booking_get_occurrences()
    {
        var session = new SessionSlot(1, 1, IsoWeekdays.FromIso([1, 3]), new TimeOnly(17, 0), 30); // Monday, Wednesday
        var plan = new OccurrencePlanner(Clock).Plan(session, [new Booking(1, 1, [7], new(2026, 11, 30), new(2026, 12, 6))],
            new(2026, 11, 25), new(2026, 12, 31));
        Assert.Equal([new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 2)], plan.Select(p => p.LocalDate));
    }

    [Fact]
    public void Rundown_is_booking_order_then_bulletin_order_and_other_sessions_are_ignored()
    {
        var session = new SessionSlot(1, 1, IsoWeekdays.Every, new TimeOnly(5, 30), 30);
        var bookings = new[]
        {
            new Booking(9, 1, [30, 31], new(2026, 12, 1), new(2026, 12, 1)),
            new Booking(4, 1, [10], new(2026, 12, 1), new(2026, 12, 1)),
            new Booking(5, 2, [99], new(2026, 12, 1), new(2026, 12, 1)),
        };
        var occ = Assert.Single(new OccurrencePlanner(Clock).Plan(session, bookings, new(2026, 12, 1), new(2026, 12, 1)));
        Assert.Equal([(10L, 4L), (30L, 9L), (31L, 9L)], occ.Items);
    }

    [Fact]
    public void Dates_without_bookings_get_no_occurrence()
    {
        var session = new SessionSlot(1, 1, IsoWeekdays.Every, new TimeOnly(5, 30), 30);
        Assert.Empty(new OccurrencePlanner(Clock).Plan(session, [], new(2026, 12, 1), new(2026, 12, 7)));
    }
}
