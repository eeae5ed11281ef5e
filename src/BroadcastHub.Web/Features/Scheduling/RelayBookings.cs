using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Relay;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>The relay part of a booking request: exactly one of bulletins or a relay; a source that exists; minutes or until the end.</summary>
public sealed class RelayBookings(RelaySourceRepository sources, RelayProbe probe)
{
    /// <summary>The relay the request books, or null when it books bulletins (<c>bulletins_and_relay</c>, <c>relay_source_not_found</c>, <c>relay_minutes_invalid</c>, <c>ffmpeg_missing</c>).</summary>
    public RelayRundown? Validate(BookingRequest r, SessionSlot session, int repeat)
    {
        if (r.Relay is not { } relay) return null;
        if (r.BulletinIds is { Count: > 0 })
            throw new AppException("bulletins_and_relay", Msg.Get("ABookingIsEitherBulletinsOr"));
        probe.RequireFfmpeg();
        if (sources.Find(relay.SourceId) is null)
            throw new AppException("relay_source_not_found", Msg.Get("ThereIsNoRelaySource", relay.SourceId));
        var untilEnd = relay.UntilSessionEnd == true;
        if (untilEnd == relay.Minutes.HasValue)
            throw new AppException("relay_minutes_invalid", Msg.Get("GiveTheRelayMinutesOrUntil"));
        if (untilEnd && repeat > 1)
            throw new AppException("invalid_repeat", Msg.Get("ARelayUntilTheSessionEnd"));
        if (relay.Minutes is { } minutes && (minutes < 1 || minutes > session.LengthMinutes))
            throw new AppException("relay_minutes_invalid", Msg.Get("TheRelayMinutesMustBeBetween", session.LengthMinutes));
        return new RelayRundown(relay.SourceId, relay.Minutes * 60.0);
    }
}

/// <summary>Turns a stored relay back into a request (an edit that keeps what the booking airs).</summary>
public static class RelayRequests
{
    /// <summary>The request that books <paramref name="relay"/> again, or null.</summary>
    public static RelayRequest? Of(RelayRundown? relay) => relay is null ? null
        : relay.Seconds is { } s ? new RelayRequest(relay.SourceId, (int)Math.Round(s / 60)) : new RelayRequest(relay.SourceId, UntilSessionEnd: true);
}
