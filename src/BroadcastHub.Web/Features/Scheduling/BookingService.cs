using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.BroadcastPolicies;
using BroadcastHub.Web.Features.Places;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Scope;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>A booking, the occurrences it planned straight away, and what of them overflows the session.</summary>
/// <param name="Booking">The booking stored.</param>
/// <param name="Occurrences">The session's occurrences over the booking's dates (within the horizon).</param>
/// <param name="Overflow">Those that overflow, with the items that do.</param>
/// <param name="Displaced">Bookings it ended ("replace" overflow choice, or the booking an edit split).</param>
/// <param name="PreviousId">For an edit that split a booking: the booking it continues.</param>
public sealed record BookingResult(Booking Booking, IReadOnlyList<Occurrence> Occurrences, IReadOnlyList<(Occurrence Occurrence, IReadOnlyList<PlannedSlot> Overflow)> Overflow,
    IReadOnlyList<Displacement>? Displaced = null, long? PreviousId = null)
{
    /// <summary>What the booking was stored with but the editor should know (a relay source unreachable right now).</summary>
    public IReadOnlyList<BookingWarning> Warnings { get; init; } = [];
}

/// <summary>Books approved bulletins into a session: once, daily or weekly, normal or priority, optionally repeated.</summary>
public sealed class BookingService(
    PlacesService places, BulletinRepository bulletins, BookingRepository bookings, SchedulePlanner planner,
    PolicyGuard policy, OverflowChoice overflow, BookingGuards guards, UserScope scope, StationClock clock, RelayBookings relays,
    RelayBookingProbe relayProbe)
{
    /// <summary>Longest date range of one booking, in days.</summary>
    public const int MaxRangeDays = 366;
    /// <summary>Most bulletins in one booking.</summary>
    public const int MaxItems = 50;
    /// <summary>Most rundown rows one booking may create over its whole range (dates × bulletins × repeats).</summary>
    public const int MaxRundownRows = 20_000;

    /// <summary>The simple form used by the spine: daily over the range, normal priority.</summary>
    public BookingResult Book(long sessionId, IReadOnlyList<long>? bulletinIds, string? from, string? to, string user)
    {
        var request = new BookingRequest(sessionId, bulletinIds, from, to);
        var (session, booking) = Checked(request);
        return Store(request, session, booking, user);
    }

    /// <summary>Books what the request asks for; a relay's source is probed first (<see cref="RelayBookingProbe"/>).</summary>
    public async Task<BookingResult> BookAsync(BookingRequest request, string user, CancellationToken cancel)
    {
        var (session, booking) = Checked(request);
        var warnings = await relayProbe.CheckAsync(booking.Relay, cancel);
        return Store(request, session, booking, user) with { Warnings = warnings };
    }

    private (SessionSlot Session, Booking Booking) Checked(BookingRequest request)
    {
        var session = places.FindSession(request.SessionId);
        guards.EnsureSessionAhead(session);
        var booking = Validate(request, session);
        guards.EnsureDateAhead(session, booking);
        guards.EnsureNotDuplicate(booking);
        policy.EnsureSessionAllowed(session);
        return (session, booking);
    }

    private BookingResult Store(BookingRequest request, SessionSlot session, Booking booking, string user)
    {
        var displaced = overflow.Resolve(OverflowChoice.Parse(request.OnOverflow), session, booking with { Id = long.MaxValue });
        var stored = bookings.Create(booking, user, displaced);
        return Replanned(stored, displaced);
    }

    /// <summary>Replans the booking's dates, those the bookings it ended no longer cover, and the <paramref name="former"/>
    /// dates of an edited booking; the result to show.</summary>
    internal BookingResult Replanned(Booking stored, IReadOnlyList<Displacement> displaced, long? previousId = null,
        (DateOnly From, DateOnly To)? former = null)
    {
        var first = displaced.Select(d => d.From).Append(stored.From).Append(former?.From ?? stored.From).Min();
        var last = displaced.Select(d => bookings.Find(d.BookingId)?.To ?? stored.To).Append(stored.To).Append(former?.To ?? stored.To).Max();
        var planned = planner.PlanSessionWithOverflow(stored.SessionId, first, last)
            .Where(p => p.Occurrence.LocalDate >= stored.From && p.Occurrence.LocalDate <= stored.To).ToList();
        return new BookingResult(stored, planned.Select(p => p.Occurrence).ToList(), planned.Where(p => p.Overflow.Count > 0).ToList(), displaced, previousId);
    }

    /// <summary>Checks a request against the session and the library; the booking it describes (id 0).</summary>
    internal Booking Validate(BookingRequest r, SessionSlot session)
    {
        var mode = ParseEnum<BookingMode>(r.Mode, BookingMode.Daily, "invalid_mode", "mode", "once, daily, weekly");
        var priority = ParseEnum<BookingPriority>(r.Priority, BookingPriority.Normal, "invalid_priority", "priority", "normal, priority");
        var from = LocalDateInput.Required(r.From, "from");
        var to = mode == BookingMode.Once && string.IsNullOrWhiteSpace(r.To) ? from : LocalDateInput.Required(r.To, "to");
        if (mode == BookingMode.Once && to != from)
            throw new AppException("once_needs_one_date", Msg.Get("ModeOnceBooksOneDateFrom"));
        if (to < from) throw new AppException("range_reversed", Msg.Get("ToMustNotBeBeforeFrom"));
        if (to.DayNumber - from.DayNumber >= MaxRangeDays)
            throw new AppException("range_too_long", Msg.Get("ABookingMayCoverAtMost", MaxRangeDays));
        if (to < clock.Today) throw new AppException("range_in_past", Msg.Get("TheDateRangeIsInThe"));
        var weekdays = IsoWeekdays.Every;
        if (mode == BookingMode.Weekly)
        {
            try { weekdays = IsoWeekdays.FromIso(r.Weekdays ?? []); }
            catch (ArgumentException)
            {
                throw new AppException("invalid_weekdays", Msg.Get("ModeWeeklyNeedsWeekdaysISO1"));
            }
        }
        var repeat = r.Repeat ?? 1;
        var interval = r.RepeatIntervalSeconds ?? 0;
        if (repeat is < 1 or > 100)
            throw new AppException("invalid_repeat", Msg.Get("RepeatMustBeBetween1And"));
        if (repeat > 1 && (interval < 0 || interval > session.LengthMinutes * 60))
            throw new AppException("invalid_repeat_interval", Msg.Get("RepeatIntervalSecondsMustBeBetween0And"));
        var relay = relays.Validate(r, session, repeat);
        var ids = relay is null ? r.BulletinIds : [];
        if (ids is null || (ids.Count == 0 && relay is null))
            throw new AppException("bulletins_required", Msg.Get("AtLeastOneBulletinIsRequired"));
        if (ids.Count > MaxItems)
            throw new AppException("too_many_items", Msg.Get("ABookingHoldsAtMostBulletins", MaxItems, ids.Count));
        CheckBulletins(ids, from, to);
        var booking = new Booking(0, session.Id, ids, from, to)
        {
            Mode = mode, Weekdays = weekdays, Priority = priority, Repeat = repeat, RepeatIntervalSeconds = interval, Relay = relay,
        };
        var dates = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Count(d => booking.Covers(from.AddDays(d)) && session.OccursOn(from.AddDays(d)));
        if (dates == 0)
            throw new AppException("no_session_on_dates", Msg.Get("TheSessionDoesNotTakePlace"));
        var rows = (long)dates * Math.Max(ids.Count, 1) * repeat;
        if (rows > MaxRundownRows)
            throw new AppException("booking_too_large", Msg.Get("TheBookingIsTooLargeDates", dates, ids.Count, repeat, rows, MaxRundownRows));
        return booking;
    }

    private void CheckBulletins(IReadOnlyList<long> ids, DateOnly from, DateOnly to)
    {
        var found = bulletins.FindMany(ids);
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var b) || !scope.Sees(b))
                throw new AppException("bulletin_not_found", Msg.Get("ThereIsNoBulletin2", id));
            if (b.Status != BulletinStatus.Approved)
                throw new AppException("bulletin_not_approved", Msg.Get("BulletinIsNotApproved", b.Title));
            if (!b.IsAirableOn(from) || !b.IsAirableOn(to))
                throw new AppException("bulletin_not_valid", Msg.Get("BulletinIsNotValidForThe", b.Title));
        }
    }

    private static T ParseEnum<T>(string? text, T fallback, string code, string field, string allowed) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : Enum.TryParse<T>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _) ? value
        : throw new AppException(code, Msg.Get("MustBeOneOf", field, allowed));
}
