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
            : throw new AppException("invalid_on_overflow", Text.Pick(
                "onOverflow phải là 'append' (đặt nối tiếp, phần tràn bị cắt ở cuối buổi), 'replace' (thay thế các lịch thông thường gây tràn) hoặc 'cancel' (không đặt nếu tràn).",
                "onOverflow must be 'append' (book it; what overflows is cut at the session's end), 'replace' (take the place of the normal bookings in the way) or 'cancel' (book nothing if it overflows)."));
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
            throw new AppException("overflow", Text.Pick(
                $"Không đặt lịch: {overflowing.Count} buổi phát sẽ bị tràn quá thời lượng {session.LengthMinutes} phút (đầu tiên: {clock.ToLocal(overflowing[0].StartUtc):dd/MM HH:mm}).",
                $"Not booked: {overflowing.Count} occurrences would overflow the {session.LengthMinutes}-minute session (first: {clock.ToLocal(overflowing[0].StartUtc):yyyy-MM-dd HH:mm})."));
        }
        return OverflowReplacement.Choose(others, candidate, preview.Plan)
            ?? throw new AppException("overflow_not_resolvable", Text.Pick(
                "Không đặt lịch: kể cả khi thay thế mọi lịch thông thường, các bản tin vẫn tràn quá thời lượng buổi phát (lịch ưu tiên không bị thay thế).",
                "Not booked: even replacing every normal booking, it would still overflow the session (priority bookings are never replaced)."));
    }
}
