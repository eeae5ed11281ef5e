using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using Microsoft.Extensions.Time.Testing;

namespace BroadcastHub.Core.Tests;

public sealed class OccurrencePlannerTests
{
    private static readonly StationClock Clock = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero)),
        StationClock.FindZone("Asia/Ho_Chi_Minh"));
    private static readonly Dictionary<long, double> Durations = new() { [7] = 60, [10] = 30, [30] = 45, [31] = 15, [99] = 10 };

    private static IReadOnlyList<PlannedOccurrence> Plan(SessionSlot session, IEnumerable<Booking> bookings, DateOnly from, DateOnly to) =>
        new OccurrencePlanner(Clock).Plan(session, bookings, Durations, from, to);

    [Fact]
    public void Local_session_start_becomes_the_exact_utc_instant()
    {
        var session = new SessionSlot(1, 1, IsoWeekdays.Every, new TimeOnly(5, 30, 15), 30);
        var occ = Assert.Single(Plan(session, [new Booking(1, 1, [7], new(2026, 12, 1), new(2026, 12, 1))], new(2026, 12, 1), new(2026, 12, 1)));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 22, 30, 15, TimeSpan.Zero), occ.StartUtc);
        Assert.Equal(occ.StartUtc.AddMinutes(30), occ.EndUtc);
    }

    [Fact]
    public void Only_weekdays_of_the_session_and_dates_of_the_booking_get_occurrences()
    {
        var session = new SessionSlot(1, 1, IsoWeekdays.FromIso([1, 3]), new TimeOnly(17, 0), 30); // Monday, Wednesday
        var plan = Plan(session, [new Booking(1, 1, [7], new(2026, 11, 30), new(2026, 12, 6))], new(2026, 11, 25), new(2026, 12, 31));
        Assert.Equal([new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 2)], plan.Select(p => p.LocalDate));
    }

    [Fact]
    public void Rundown_is_booking_order_then_bulletin_order_back_to_back_and_other_sessions_are_ignored()
    {
        var session = new SessionSlot(1, 1, IsoWeekdays.Every, new TimeOnly(5, 30), 30);
        var bookings = new[]
        {
            new Booking(9, 1, [30, 31], new(2026, 12, 1), new(2026, 12, 1)),
            new Booking(4, 1, [10], new(2026, 12, 1), new(2026, 12, 1)),
            new Booking(5, 2, [99], new(2026, 12, 1), new(2026, 12, 1)),
        };
        var occ = Assert.Single(Plan(session, bookings, new(2026, 12, 1), new(2026, 12, 1)));
        Assert.Equal([(10L, 4L, 0.0), (30L, 9L, 30.0), (31L, 9L, 75.0)], occ.Items.Select(i => (i.BulletinId, i.BookingId, i.OffsetSeconds)));
    }

    [Fact]
    public void Dates_without_bookings_get_no_occurrence()
    {
        var session = new SessionSlot(1, 1, IsoWeekdays.Every, new TimeOnly(5, 30), 30);
        Assert.Empty(Plan(session, [], new(2026, 12, 1), new(2026, 12, 7)));
    }

    [Fact]
    public void Once_covers_one_date_and_weekly_only_its_weekdays_within_the_session_days()
    {
        var session = new SessionSlot(1, 1, IsoWeekdays.Every, new TimeOnly(5, 30), 30);
        var once = new Booking(1, 1, [7], new(2026, 12, 2), new(2026, 12, 2)) { Mode = BookingMode.Once };
        var weekly = new Booking(2, 1, [10], new(2026, 11, 30), new(2026, 12, 13)) { Mode = BookingMode.Weekly, Weekdays = IsoWeekdays.FromIso([2, 6]) };
        var plan = Plan(session, [once, weekly], new(2026, 11, 30), new(2026, 12, 13));
        Assert.Equal(
            [new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 12)],
            plan.Select(p => p.LocalDate));
        Assert.Equal([7L], plan.Single(p => p.LocalDate == new DateOnly(2026, 12, 2)).Items.Select(i => i.BulletinId));
    }

    [Fact]
    public void A_cancelled_booking_keeps_its_past_dates_and_drops_the_rest()
    {
        var session = new SessionSlot(1, 1, IsoWeekdays.Every, new TimeOnly(5, 30), 30);
        var booking = new Booking(1, 1, [7], new(2026, 12, 1), new(2026, 12, 10)) { CancelledFrom = new DateOnly(2026, 12, 4) };
        Assert.Equal(3, Plan(session, [booking], new(2026, 12, 1), new(2026, 12, 10)).Count);
    }
}
