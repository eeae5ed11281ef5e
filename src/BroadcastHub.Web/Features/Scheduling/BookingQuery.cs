using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Places;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Scope;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>A booking with the commune its session belongs to.</summary>
public sealed record BookingListEntry(Booking Booking, long CommuneId);

/// <summary>Lists bookings within the caller's scope, by commune, session and dates.</summary>
public sealed class BookingQuery(PlacesService places, BookingRepository bookings, SessionRepository sessions, UserScope scope)
{
    /// <summary>Bookings whose dates (up to a cancellation) meet <c>from</c>–<c>to</c> (either may be left out), in booking
    /// order; 404 <c>commune_not_found</c>/<c>session_not_found</c> outside the scope, 400 <c>invalid_date</c>, <c>range_reversed</c>.</summary>
    public IReadOnlyList<BookingListEntry> List(long? communeId, long? sessionId, string? from, string? to)
    {
        if (communeId is { } c) places.FindCommune(c);
        if (sessionId is { } s) places.FindSession(s);
        var first = LocalDateInput.Optional(from?.Trim(), "from") ?? DateOnly.MinValue;
        var last = LocalDateInput.Optional(to?.Trim(), "to") ?? DateOnly.MaxValue;
        if (last < first) throw new AppException("range_reversed", Msg.Get("ToMustNotBeBeforeFrom"));
        var communeOf = sessions.List().ToDictionary(x => x.Id, x => x.CommuneId);
        return bookings.ListOverlapping(first, last, sessionId)
            .Where(b => communeOf.TryGetValue(b.SessionId, out var owner) && scope.CoversCommune(owner) && (communeId is null || owner == communeId))
            .Where(b => b.CancelledFrom is not { } cut || cut > first)
            .Select(b => new BookingListEntry(b, communeOf[b.SessionId])).ToList();
    }
}
