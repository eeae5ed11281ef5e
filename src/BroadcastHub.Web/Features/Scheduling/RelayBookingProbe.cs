using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Relay;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>Something a booking was stored with but the editor should know (<c>relay_unreachable</c>).</summary>
/// <param name="Code">Stable code.</param>
/// <param name="Message">In the UI language.</param>
public sealed record BookingWarning(string Code, string Message);

/// <summary>
/// The probe of a relay source at booking time. A source that answers with something that is not usable audio refuses
/// the booking with the probe's code (<c>relay_not_audio</c>, <c>relay_video_only</c>, <c>relay_playlist_empty</c>…);
/// one that cannot be reached right now does not: a national stream may be down for a minute while an editor books
/// tomorrow's relay (at air time the pre-roll alert and the fill cover it), so the booking carries a warning instead.
/// </summary>
public sealed class RelayBookingProbe(RelaySourceRepository sources, RelayProbeCache probes)
{
    /// <summary>The code of a source that cannot be reached now.</summary>
    public const string Unreachable = "relay_unreachable";

    /// <summary>The warnings the booking of <paramref name="relay"/> carries; throws the refusal of an unusable source.</summary>
    public async Task<IReadOnlyList<BookingWarning>> CheckAsync(RelayRundown? relay, CancellationToken cancel)
    {
        if (relay is null || sources.Find(relay.SourceId) is not { } source) return [];
        var outcome = await probes.ForBookingAsync(source, cancel);
        if (outcome.Code is null) return [];
        if (outcome.Code == Unreachable)
            return [new BookingWarning(Unreachable, Msg.Get("BookedButTheSourceCannotBe", source.Name, outcome.Message))];
        throw new AppException(outcome.Code, outcome.Message ?? outcome.Code);
    }
}
