using System.Globalization;
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

/// <summary>
/// Edits a booking for the future only (see <see cref="BookingEdit"/>): fields left out keep their value; the edit applies
/// from the cutover date (today if the session has not started today, else tomorrow); a booking that already covered
/// earlier dates is split so those stay as they were and aired. The overflow choice applies as at booking time.
/// </summary>
public sealed class BookingEdits(
    BookingService service, BookingRepository bookings, PlacesService places, PolicyGuard policy, OverflowChoice overflow, UserScope scope, StationClock clock,
    RelayBookingProbe relayProbe)
{
    /// <summary>Edits the booking; a relay the edit names is probed first (<see cref="RelayBookingProbe"/>), one it keeps is not.</summary>
    public async Task<BookingResult> EditAsync(long id, BookingRequest request, string user, CancellationToken cancel)
    {
        var old = scope.EnsureBooking(id);
        if (request.SessionId != 0 && request.SessionId != old.SessionId)
            throw new AppException("session_cannot_change", Msg.Get("ABookingCannotMoveToAnother"));
        var session = places.FindSession(old.SessionId);
        var cutover = BookingEdit.Cutover(session, clock);
        var oldEnd = old.CancelledFrom is { } c && c.AddDays(-1) < old.To ? c.AddDays(-1) : old.To;
        if (oldEnd < cutover)
            throw new AppException("booking_ended", Msg.Get("ThisBookingHasAiredOrWas"));
        var to = LocalDateInput.Optional(request.To, "to") ?? oldEnd;
        if (to < cutover)
            throw new AppException("range_in_past", Msg.Get("AnEditAppliesFromOnThe", cutover));
        var from = BookingEdit.EffectiveFrom(LocalDateInput.Optional(request.From, "from") ?? old.From, cutover);
        var keepsWhat = request.BulletinIds is null && request.Relay is null;
        var merged = new BookingRequest(old.SessionId, keepsWhat && old.Relay is not null ? null : request.BulletinIds ?? old.BulletinIds, Date(from), Date(to),
            request.Mode ?? old.Mode.ToString(), request.Weekdays ?? old.Weekdays.ToIso(), request.Priority ?? old.Priority.ToString(),
            request.Repeat ?? old.Repeat, request.RepeatIntervalSeconds ?? old.RepeatIntervalSeconds,
            Relay: request.Relay ?? (keepsWhat ? RelayRequests.Of(old.Relay) : null));
        var edited = service.Validate(merged, session);
        policy.EnsureSessionAllowed(session);
        var warnings = await relayProbe.CheckAsync(request.Relay is null ? null : edited.Relay, cancel);
        return Store(old, session, edited, request, user, cutover, oldEnd) with { Warnings = warnings };
    }

    private BookingResult Store(Booking old, SessionSlot session, Booking edited, BookingRequest request, string user, DateOnly cutover, DateOnly oldEnd)
    {
        var choice = OverflowChoice.Parse(request.OnOverflow);
        if (BookingEdit.NeedsSplit(old, cutover))
        {
            var ended = new Displacement(old.Id, cutover);
            var displaced = overflow.Resolve(choice, session, edited with { Id = long.MaxValue },
                others => others.Select(b => b.Id == old.Id ? b with { CancelledFrom = cutover } : b).ToList());
            var stored = bookings.Create(edited, user, [ended, .. displaced]);
            return service.Replanned(stored, displaced, previousId: old.Id, former: (cutover, oldEnd));
        }
        var inPlace = edited with { Id = old.Id };
        var replaced = overflow.Resolve(choice, session, inPlace, others => others.Where(b => b.Id != old.Id).ToList());
        var updated = bookings.Update(inPlace, replaced);
        return service.Replanned(updated, replaced, former: (old.From, oldEnd));
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
