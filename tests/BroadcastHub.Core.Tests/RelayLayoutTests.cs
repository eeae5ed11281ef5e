using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Core.Tests;

/// <summary>Relay bookings in the layout, the programme fill and the timeline.</summary>
public sealed class RelayLayoutTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);
    private static readonly Dictionary<long, double> Durations = new() { [1] = 60, [2] = 120, [50] = 20, [51] = 40 };

    private static Booking Bulletins(long id, params long[] bulletins) => new(id, 1, bulletins, Day, Day);

    private static Booking Relay(long id, double? seconds) => new(id, 1, [], Day, Day) { Relay = new RelayRundown(7, seconds) };

    [Fact]
    public void A_relay_of_n_minutes_occupies_n_minutes_in_booking_order()
    {
        var (slots, overflow) = RundownLayout.Build([Bulletins(1, 1), Relay(2, 600), Bulletins(3, 2)], Durations, 1800);
        Assert.Equal([(1L, 0.0, 60.0, false), (0L, 60.0, 600.0, true), (2L, 660.0, 120.0, false)],
            slots.Select(s => (s.BulletinId, s.OffsetSeconds, s.DurationSeconds, s.Relay is not null)));
        Assert.Equal(new RelayRundown(7, 600), slots[1].Relay);
        Assert.Equal(2, slots[1].BookingId);
        Assert.Empty(overflow);
    }

    [Fact]
    public void A_relay_until_the_end_takes_what_is_left_and_what_follows_it_overflows()
    {
        var (slots, overflow) = RundownLayout.Build([Relay(1, null), Bulletins(2, 2) with { Priority = BookingPriority.Priority }, Bulletins(3, 1)], Durations, 900);
        Assert.Equal([(2L, 0.0, 120.0), (0L, 120.0, 780.0), (1L, 900.0, 60.0)], slots.Select(s => (s.BulletinId, s.OffsetSeconds, s.DurationSeconds)));
        Assert.Equal([1L], overflow.Select(o => o.BulletinId));
    }

    [Fact]
    public void A_relay_longer_than_the_session_overflows()
    {
        var (_, overflow) = RundownLayout.Build([Bulletins(1, 1), Relay(2, 900)], Durations, 900);
        Assert.True(Assert.Single(overflow).Relay is not null);
    }

    [Fact]
    public void With_an_intro_a_relay_until_the_end_still_ends_at_the_session_end_and_no_outro_is_added()
    {
        var booked = RundownLayout.Build([Relay(1, null)], Durations, 600).Slots;
        var filled = new ProgrammeFill(new CommuneProgramme(UnderfillMode.Evergreen, [51], 50, 50), Durations, (_, _) => true).Apply(booked, Day, 600);
        Assert.Equal([(50L, 0.0, 20.0, (RundownFill?)RundownFill.Intro), (0L, 20.0, 580.0, null)],
            filled.Select(s => (s.BulletinId, s.OffsetSeconds, s.DurationSeconds, s.Fill)));
    }

    [Fact]
    public void The_timeline_gives_a_relay_until_the_end_what_is_left_after_its_start()
    {
        var plan = RundownTimeline.Plan([(null, 60.0), (null, (double?)null), (null, 30.0)], 600);
        Assert.Equal([(0.0, 60.0), (60.0, 540.0), (600.0, 30.0)], plan);
        Assert.Equal([(0.0, 0.0)], RundownTimeline.Plan([(null, (double?)null)], 0));
    }
}
