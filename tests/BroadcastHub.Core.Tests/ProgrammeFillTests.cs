using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using Microsoft.Extensions.Time.Testing;

namespace BroadcastHub.Core.Tests;

public sealed class ProgrammeFillTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);
    private static readonly Dictionary<long, double> Durations = new()
    {
        [1] = 100, [2] = 50, [50] = 20, [51] = 40, [52] = 30, [60] = 5, [61] = 7, [70] = 15, [71] = 0,
    };

    private static ProgrammeFill Fill(CommuneProgramme programme, params long[] notAirable) =>
        new(programme, Durations, (id, _) => !notAirable.Contains(id));

    private static IReadOnlyList<PlannedSlot> Booked(params long[] bulletinIds) =>
        RundownLayout.Build([new Booking(9, 1, bulletinIds, Day, Day)], Durations, 600).Slots;

    private static IEnumerable<(long, double, RundownFill?)> Shape(IEnumerable<PlannedSlot> slots) =>
        slots.Select(s => (s.BulletinId, s.OffsetSeconds, s.Fill));

    [Fact]
    public void End_early_leaves_the_booked_rundown_as_it_is()
    {
        var booked = Booked(1, 2);
        Assert.Same(booked, ProgrammeFill.None.Apply(booked, Day, 600));
        Assert.Equal(Shape(booked), Shape(Fill(new CommuneProgramme(UnderfillMode.EndEarly, [50], null, null)).Apply(booked, Day, 600)));
    }

    [Fact]
    public void Evergreen_tops_up_in_order_cycling_and_skips_what_does_not_fit()
    {
        // Booked 150 s of a 300 s session: 150 s free. 20 + 40 + 30 = 90, then 20 + 40 = 150 exactly; the next 30 does not fit.
        var rundown = Fill(new CommuneProgramme(UnderfillMode.Evergreen, [50, 51, 52], null, null)).Apply(Booked(1, 2), Day, 300);
        Assert.Equal(
            [(1L, 0.0, null), (2L, 100.0, null), (50L, 150.0, RundownFill.Evergreen), (51L, 170.0, RundownFill.Evergreen),
             (52L, 210.0, RundownFill.Evergreen), (50L, 240.0, RundownFill.Evergreen), (51L, 260.0, RundownFill.Evergreen)],
            Shape(rundown));
        Assert.All(rundown.Where(s => s.Fill is not null), s => Assert.Null(s.BookingId));
    }

    [Fact]
    public void A_long_evergreen_item_is_skipped_and_a_shorter_later_one_still_fills()
    {
        // 35 s free: 40 never fits, 30 does once, then nothing else fits (20 > 5 left).
        var rundown = Fill(new CommuneProgramme(UnderfillMode.Evergreen, [51, 52, 50], null, null)).Apply(Booked(1, 2, 60), Day, 190);
        Assert.Equal([1L, 2L, 60L, 52L], rundown.Select(s => s.BulletinId));
        Assert.Equal(185.0, rundown[^1].EndSeconds);
    }

    [Fact]
    public void Evergreen_items_not_airable_on_the_date_or_without_length_are_left_out()
    {
        var rundown = Fill(new CommuneProgramme(UnderfillMode.Evergreen, [71, 50, 52], null, null), notAirable: 50).Apply(Booked(1), Day, 200);
        Assert.Equal([(1L, 0.0, null), (52L, 100.0, RundownFill.Evergreen), (52L, 130.0, RundownFill.Evergreen), (52L, 160.0, RundownFill.Evergreen)],
            Shape(rundown));
    }

    [Fact]
    public void Jingles_frame_the_rundown_and_the_evergreen_stops_where_the_outro_must_start()
    {
        // Session 200 s: intro 5, booked 100 (at 5), evergreen up to 200 - 7 = 193: 20 + 40 + 20 = 80 → ends at 185; outro at 185.
        var programme = new CommuneProgramme(UnderfillMode.Evergreen, [50, 51], IntroBulletinId: 60, OutroBulletinId: 61);
        var rundown = Fill(programme).Apply(Booked(1), Day, 200);
        Assert.Equal(
            [(60L, 0.0, RundownFill.Intro), (1L, 5.0, null), (50L, 105.0, RundownFill.Evergreen), (51L, 125.0, RundownFill.Evergreen),
             (50L, 165.0, RundownFill.Evergreen), (61L, 185.0, RundownFill.Outro)],
            Shape(rundown));
    }

    [Fact]
    public void An_outro_that_would_run_past_the_end_is_left_out_so_only_bookings_can_overflow()
    {
        // Session 152 s: intro 5 + booked 100 + 50 = 155 already overflows by 3 s; an outro of 7 s would only be cut.
        var programme = new CommuneProgramme(UnderfillMode.EndEarly, [], IntroBulletinId: 60, OutroBulletinId: 61);
        Assert.Equal([(60L, 0.0, RundownFill.Intro), (1L, 5.0, null), (2L, 105.0, null)], Shape(Fill(programme).Apply(Booked(1, 2), Day, 152)));
        // Session 160 s: the booked items end at 155, so there is no room for the 7 s outro either.
        Assert.DoesNotContain(Fill(programme).Apply(Booked(1, 2), Day, 160), s => s.Fill == RundownFill.Outro);
        // Session 162 s: it fits exactly.
        Assert.Equal((61L, 155.0, RundownFill.Outro), Shape(Fill(programme).Apply(Booked(1, 2), Day, 162)).Last());
    }

    [Fact]
    public void The_intro_moves_repeats_back_by_its_length_and_an_invalid_jingle_is_left_out()
    {
        var repeated = new Booking(9, 1, [2], Day, Day) { Repeat = 2, RepeatIntervalSeconds = 120 };
        var booked = RundownLayout.Build([repeated], Durations, 600).Slots;
        var rundown = Fill(new CommuneProgramme(UnderfillMode.EndEarly, [], 70, 61), notAirable: 61).Apply(booked, Day, 600);
        Assert.Equal([(70L, 0.0, (double?)null), (2L, 15.0, null), (2L, 135.0, 135.0)], rundown.Select(s => (s.BulletinId, s.OffsetSeconds, s.NotBeforeSeconds)));
    }

    [Fact]
    public void The_planner_applies_the_fill_to_every_occurrence_it_plans()
    {
        var clock = new StationClock(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero)), StationClock.FindZone("Asia/Ho_Chi_Minh"));
        var session = new SessionSlot(1, 1, IsoWeekdays.Every, new TimeOnly(5, 30), 2);
        var fill = Fill(new CommuneProgramme(UnderfillMode.Evergreen, [52], 60, null));
        var plan = new OccurrencePlanner(clock).Plan(session, [new Booking(3, 1, [2], Day, Day.AddDays(1))], Durations, Day, Day.AddDays(1), fill);
        Assert.All(plan, p => Assert.Equal([60L, 2L, 52L, 52L], p.Items.Select(i => i.BulletinId)));
        Assert.All(plan, p => Assert.Empty(p.Overflow));
    }
}
