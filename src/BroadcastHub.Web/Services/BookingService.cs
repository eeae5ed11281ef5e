using System.Globalization;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Services;

/// <summary>A booking, the occurrences it planned straight away, and what of them overflows the session.</summary>
public sealed record BookingResult(Booking Booking, IReadOnlyList<Occurrence> Occurrences, IReadOnlyList<(Occurrence Occurrence, IReadOnlyList<PlannedSlot> Overflow)> Overflow);

/// <summary>Books approved bulletins into a session: once, daily or weekly, normal or priority, optionally repeated.</summary>
public sealed class BookingService(
    PlacesService places, BulletinRepository bulletins, BookingRepository bookings, SchedulePlanner planner,
    PolicyGuard policy, StationClock clock)
{
    private const int MaxRangeDays = 366;

    /// <summary>The simple form used by the spine: daily over the range, normal priority.</summary>
    public BookingResult Book(long sessionId, IReadOnlyList<long>? bulletinIds, string? from, string? to, string user) =>
        Book(new BookingRequest(sessionId, bulletinIds, from, to), user);

    public BookingResult Book(BookingRequest request, string user)
    {
        var session = places.FindSession(request.SessionId);
        var booking = Validate(request, session);
        policy.EnsureSessionAllowed(session);
        var overflowPolicy = (request.OnOverflow ?? "append").ToLowerInvariant();
        if (overflowPolicy is not ("append" or "cancel"))
            throw AppException.BadRequest("invalid_on_overflow", Text.Pick(
                "onOverflow phải là 'append' (đặt nối tiếp, phần tràn bị cắt ở cuối buổi) hoặc 'cancel' (không đặt nếu tràn).",
                "onOverflow must be 'append' (book it; what overflows is cut at the session's end) or 'cancel' (book nothing if it overflows)."));
        var preview = planner.Preview(session, booking).Where(p => p.Overflow.Count > 0).ToList();
        if (preview.Count > 0 && overflowPolicy == "cancel")
            throw AppException.Conflict("overflow", Text.Pick(
                $"Không đặt lịch: {preview.Count} buổi phát sẽ bị tràn quá thời lượng {session.LengthMinutes} phút (đầu tiên: {clock.ToLocal(preview[0].StartUtc):dd/MM HH:mm}).",
                $"Not booked: {preview.Count} occurrences would overflow the {session.LengthMinutes}-minute session (first: {clock.ToLocal(preview[0].StartUtc):yyyy-MM-dd HH:mm})."));
        var stored = bookings.Create(booking, user);
        var planned = planner.PlanSessionWithOverflow(session.Id, booking.From, booking.To);
        return new BookingResult(stored, planned.Select(p => p.Occurrence).ToList(), planned.Where(p => p.Overflow.Count > 0).ToList());
    }

    private Booking Validate(BookingRequest r, SessionSlot session)
    {
        var mode = ParseEnum<BookingMode>(r.Mode, BookingMode.Daily, "invalid_mode", "mode", "once, daily, weekly");
        var priority = ParseEnum<BookingPriority>(r.Priority, BookingPriority.Normal, "invalid_priority", "priority", "normal, priority");
        var from = LocalDateInput.Required(r.From, "from");
        var to = mode == BookingMode.Once && string.IsNullOrWhiteSpace(r.To) ? from : LocalDateInput.Required(r.To, "to");
        if (mode == BookingMode.Once && to != from)
            throw AppException.BadRequest("once_needs_one_date", Text.Pick("Kiểu 'once' chỉ đặt một ngày: from = to.", "Mode 'once' books one date: from must equal to."));
        if (to < from) throw AppException.BadRequest("range_reversed", Text.Pick("Ngày kết thúc phải sau ngày bắt đầu.", "'to' must not be before 'from'."));
        if (to.DayNumber - from.DayNumber >= MaxRangeDays)
            throw AppException.BadRequest("range_too_long", Text.Pick("Chỉ đặt lịch tối đa 366 ngày một lần.", "A booking may cover at most 366 days."));
        if (to < clock.Today) throw AppException.BadRequest("range_in_past", Text.Pick("Khoảng ngày đã qua.", "The date range is in the past."));
        var weekdays = IsoWeekdays.Every;
        if (mode == BookingMode.Weekly)
        {
            try { weekdays = IsoWeekdays.FromIso(r.Weekdays ?? []); }
            catch (ArgumentException)
            {
                throw AppException.BadRequest("invalid_weekdays", Text.Pick(
                    "Kiểu 'weekly' cần các ngày trong tuần 1 (thứ Hai) đến 7 (Chủ nhật).", "Mode 'weekly' needs weekdays, ISO 1 (Monday) to 7 (Sunday)."));
            }
        }
        var repeat = r.Repeat ?? 1;
        var interval = r.RepeatIntervalSeconds ?? 0;
        if (repeat is < 1 or > 100)
            throw AppException.BadRequest("invalid_repeat", Text.Pick("Số lần phát lặp phải từ 1 đến 100.", "repeat must be between 1 and 100."));
        if (repeat > 1 && (interval < 0 || interval > session.LengthMinutes * 60))
            throw AppException.BadRequest("invalid_repeat_interval", Text.Pick(
                "Khoảng cách giữa các lần phát lặp phải từ 0 đến thời lượng buổi phát.", "repeatIntervalSeconds must be between 0 and the session's length."));
        var ids = r.BulletinIds;
        if (ids is null || ids.Count == 0)
            throw AppException.BadRequest("bulletins_required", Text.Pick("Hãy chọn ít nhất một bản tin.", "At least one bulletin is required."));
        CheckBulletins(ids, from, to);
        var booking = new Booking(0, session.Id, ids, from, to)
        {
            Mode = mode, Weekdays = weekdays, Priority = priority, Repeat = repeat, RepeatIntervalSeconds = interval,
        };
        if (!Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Any(d => booking.Covers(from.AddDays(d)) && session.OccursOn(from.AddDays(d))))
            throw AppException.BadRequest("no_session_on_dates", Text.Pick(
                "Buổi phát không diễn ra vào ngày nào trong lựa chọn này.", "The session does not take place on any of the chosen dates."));
        return booking;
    }

    private void CheckBulletins(IReadOnlyList<long> ids, DateOnly from, DateOnly to)
    {
        var found = bulletins.FindMany(ids);
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var b))
                throw AppException.BadRequest("bulletin_not_found", Text.Pick($"Không có bản tin số {id}.", $"There is no bulletin {id}."));
            if (b.Status != BulletinStatus.Approved)
                throw AppException.BadRequest("bulletin_not_approved", Text.Pick(
                    $"Bản tin \"{b.Title}\" chưa được phê duyệt.", $"Bulletin \"{b.Title}\" is not approved."));
            if (!b.IsAirableOn(from) || !b.IsAirableOn(to))
                throw AppException.BadRequest("bulletin_not_valid", Text.Pick(
                    $"Bản tin \"{b.Title}\" không còn hiệu lực trong toàn bộ khoảng ngày đã chọn.",
                    $"Bulletin \"{b.Title}\" is not valid for the whole date range."));
        }
    }

    private static T ParseEnum<T>(string? text, T fallback, string code, string field, string allowed) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : Enum.TryParse<T>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _) ? value
        : throw AppException.BadRequest(code, Text.Pick($"'{field}' phải là một trong: {allowed}.", $"'{field}' must be one of: {allowed}."));
}
