using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>
/// What to do when a booking would overflow its session (<c>onOverflow</c>): <c>append</c> (the default: book it, what
/// overflows is cut at the session's end), <c>replace</c> (end the normal bookings in its way, see
/// <see cref="OverflowReplacement"/>) or <c>cancel</c> (book nothing).
/// </summary>
public sealed class OverflowChoice(SchedulePlanner planner, StationClock clock)
{
    public const string Append = "append";
    public const string Replace = "replace";
    public const string Cancel = "cancel";

    /// <summary>The choice named by <paramref name="text"/> (default append); 400 <c>invalid_on_overflow</c> otherwise.</summary>
    public static string Parse(string? text)
    {
        var choice = string.IsNullOrWhiteSpace(text) ? Append : text.Trim().ToLowerInvariant();
        return choice is Append or Replace or Cancel ? choice
            : throw new AppException("invalid_on_overflow", Msg.Get("OnOverflowMustBeAppendBookIt"));
    }

    /// <summary>
    /// Applies <paramref name="choice"/> to <paramref name="candidate"/> beside the session's stored bookings (adjusted by
    /// <paramref name="adjustOthers"/>, e.g. to leave out the booking being edited). Returns the bookings to end with it
    /// (empty unless replacing); throws 409 <c>overflow</c> or <c>overflow_not_resolvable</c>, storing nothing.
    /// </summary>
    public IReadOnlyList<Displacement> Resolve(string choice, SessionSlot session, Booking candidate,
        Func<IReadOnlyList<Booking>, IReadOnlyList<Booking>>? adjustOthers = null)
    {
        if (choice == Append) return [];
        var preview = planner.PreviewFor(session, candidate.From, candidate.To);
        var others = adjustOthers is null ? preview.Existing : adjustOthers(preview.Existing);
        if (choice == Cancel)
        {
            var overflowing = preview.Overflowing(others, candidate);
            if (overflowing.Count == 0) return [];
            throw new AppException("overflow", Msg.Get("NotBookedOccurrencesWouldOverflowThe", overflowing.Count, session.LengthMinutes, clock.ToLocal(overflowing[0].StartUtc)));
        }
        return OverflowReplacement.Choose(others, candidate, preview.Plan)
            ?? throw new AppException("overflow_not_resolvable", Msg.Get("NotBookedEvenReplacingEveryNormal"));
    }
}
