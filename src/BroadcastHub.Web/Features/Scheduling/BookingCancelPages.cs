using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Places;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Scope;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>Reads a booking's own page (what it planned) and the confirmation of its cancellation.</summary>
public sealed class BookingCancelPages(
    PlacesService places, BulletinRepository bulletins, OccurrenceRepository occurrences, RundownQuery rundowns, UserScope scope, StationClock clock,
    RundownLabels labels)
{
    private const int ShownDays = 62;

    /// <summary>What cancelling booking <paramref name="id"/> from <paramref name="from"/> (default: all still to come) stops.</summary>
    public BookingCancelPage Cancel(long id, string? from, string returnUrl)
    {
        var (booking, session, commune, titles) = Read(id);
        var last = LastDate(booking);
        var cutover = BookingEdit.Cutover(session, clock);
        var first = Later(Later(LocalDateInput.Optional(from?.Trim(), Msg.Get("From")) ?? booking.From, booking.From), cutover);
        var stops = Enumerable.Range(0, Math.Max(0, last.DayNumber - first.DayNumber + 1)).Select(first.AddDays)
            .FirstOrDefault(d => booking.Covers(d) && session.OccursOn(d), DateOnly.MinValue);
        return new BookingCancelPage(booking, commune.Id, commune.Name, session, titles, stops == DateOnly.MinValue ? null : stops, last,
            booking.From >= cutover && stops == First(booking, session), returnUrl);
    }

    /// <summary>The booking's page: its session, bulletins, dates and the occurrences planned so far.</summary>
    public BookedPage Booked(long id)
    {
        var (booking, session, commune, titles) = Read(id);
        var last = LastDate(booking);
        var end = last < booking.From.AddDays(ShownDays) ? last : booking.From.AddDays(ShownDays);
        var planned = occurrences.ListStarting(clock.ToUtc(booking.From.AddDays(-1), TimeOnly.MinValue), clock.ToUtc(end.AddDays(2), TimeOnly.MinValue))
            .Where(o => o.SessionId == session.Id && o.LocalDate >= booking.From && o.LocalDate <= end).ToList();
        var items = occurrences.Rundowns(planned.Select(o => o.Id));
        var names = labels.For(items.Values.SelectMany(r => r.Select(i => (i.BulletinId, i.Relay))));
        var rows = planned.Select(o => new OccurrenceRow(o, commune.Name, clock.ToLocal(o.StartUtc), clock.ToLocal(o.EndUtc),
            items[o.Id].Select(i => names.Title(i.BulletinId, i.Relay)).ToList())).ToList();
        var overflowing = planned.Count(o => o.State == OccurrenceState.Planned
            && rundowns.For(session.Id, Ui.Date(o.LocalDate)).Items.Any(i => i.Overflow));
        return new BookedPage(booking.Id, commune.Name, session, titles, Ui.Date(booking.From), Ui.Date(last), rows, overflowing)
        {
            CancelledFrom = booking.CancelledFrom, CommuneId = commune.Id, Cutover = BookingEdit.Cutover(session, clock),
        };
    }

    private (Booking, SessionSlot, Core.Places.Commune, IReadOnlyList<string>) Read(long id)
    {
        var booking = scope.EnsureBooking(id);
        var session = places.FindSession(booking.SessionId);
        var commune = places.FindCommune(session.CommuneId);
        var found = bulletins.FindMany(booking.BulletinIds);
        return (booking, session, commune, booking.BulletinIds.Select(i => found.TryGetValue(i, out var b) ? b.Title : $"#{i}").ToList());
    }

    private static DateOnly LastDate(Booking b) => b.CancelledFrom is { } c && c.AddDays(-1) < b.To ? c.AddDays(-1) : b.To;

    private static DateOnly First(Booking b, SessionSlot s) =>
        Enumerable.Range(0, b.To.DayNumber - b.From.DayNumber + 1).Select(b.From.AddDays).FirstOrDefault(d => b.Covers(d) && s.OccursOn(d), b.From);

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
