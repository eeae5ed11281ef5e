using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using Microsoft.Extensions.Time.Testing;

namespace BroadcastHub.Core.Tests;

public sealed class BookingEditTests
{
    private static readonly SessionSlot Evening = new(1, 1, IsoWeekdays.Every, new TimeOnly(17, 0), 30);
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static StationClock At(int hour, int minute) =>
        new(new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, hour, minute, 0, TimeSpan.FromHours(7)).ToUniversalTime()),
            StationClock.FindZone("Asia/Ho_Chi_Minh"));

    [Fact]
    public void Before_todays_session_starts_an_edit_applies_from_today()
    {
        Assert.Equal(Today, BookingEdit.Cutover(Evening, At(16, 59)));
    }

    [Fact]
    public void Once_todays_session_has_started_an_edit_applies_from_tomorrow()
    {
        Assert.Equal(Today.AddDays(1), BookingEdit.Cutover(Evening, At(17, 0)));
        Assert.Equal(Today.AddDays(1), BookingEdit.Cutover(Evening, At(23, 0)));
    }

    [Fact]
    public void A_session_not_taking_place_today_can_be_edited_from_today()
    {
        var weekends = Evening with { Weekdays = IsoWeekdays.FromIso([6, 7]) }; // 2026-12-01 is a Tuesday
        Assert.Equal(Today, BookingEdit.Cutover(weekends, At(18, 0)));
    }

    [Fact]
    public void A_booking_that_already_covered_dates_is_split_and_a_future_one_changed_in_place()
    {
        var cutover = Today.AddDays(1);
        Assert.True(BookingEdit.NeedsSplit(new Booking(1, 1, [7], Today.AddDays(-3), Today.AddDays(5)), cutover));
        Assert.False(BookingEdit.NeedsSplit(new Booking(1, 1, [7], cutover, Today.AddDays(5)), cutover));
        Assert.Equal(cutover, BookingEdit.EffectiveFrom(Today.AddDays(-3), cutover));
        Assert.Equal(Today.AddDays(4), BookingEdit.EffectiveFrom(Today.AddDays(4), cutover));
    }
}
