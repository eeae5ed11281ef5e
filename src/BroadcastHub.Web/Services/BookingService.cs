using System.Globalization;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Services;

/// <summary>A booking and the occurrences it planned straight away.</summary>
public sealed record BookingResult(Booking Booking, IReadOnlyList<Occurrence> Occurrences);

/// <summary>Books approved bulletins into a session for a range of local dates.</summary>
public sealed class BookingService(
    PlacesService places, BulletinRepository bulletins, BookingRepository bookings, SchedulePlanner planner, StationClock clock)
{
    private const int MaxRangeDays = 366;

    public BookingResult Book(long sessionId, IReadOnlyList<long>? bulletinIds, string? from, string? to, string user)
    {
        var session = places.FindSession(sessionId);
        var fromDate = ParseDate(from, "from");
        var toDate = ParseDate(to, "to");
        if (toDate < fromDate)
            throw AppException.BadRequest("range_reversed", Text.Pick("Ngày kết thúc phải sau ngày bắt đầu.", "'to' must not be before 'from'."));
        if (toDate.DayNumber - fromDate.DayNumber >= MaxRangeDays)
            throw AppException.BadRequest("range_too_long", Text.Pick("Chỉ đặt lịch tối đa 366 ngày một lần.", "A booking may cover at most 366 days."));
        if (toDate < clock.Today)
            throw AppException.BadRequest("range_in_past", Text.Pick("Khoảng ngày đã qua.", "The date range is in the past."));
        if (bulletinIds is null || bulletinIds.Count == 0)
            throw AppException.BadRequest("bulletins_required", Text.Pick("Hãy chọn ít nhất một bản tin.", "At least one bulletin is required."));
        var found = bulletins.FindMany(bulletinIds);
        foreach (var id in bulletinIds)
        {
            if (!found.TryGetValue(id, out var b))
                throw AppException.BadRequest("bulletin_not_found", Text.Pick($"Không có bản tin số {id}.", $"There is no bulletin {id}."));
            if (b.Status != Core.Library.BulletinStatus.Approved)
                throw AppException.BadRequest("bulletin_not_approved", Text.Pick(
                    $"Bản tin \"{b.Title}\" chưa được phê duyệt.", $"Bulletin \"{b.Title}\" is not approved."));
            if (!b.IsAirableOn(fromDate) || !b.IsAirableOn(toDate))
                throw AppException.BadRequest("bulletin_not_valid", Text.Pick(
                    $"Bản tin \"{b.Title}\" không còn hiệu lực trong toàn bộ khoảng ngày đã chọn.",
                    $"Bulletin \"{b.Title}\" is not valid for the whole date range."));
        }
        var booking = bookings.Create(session.Id, bulletinIds, fromDate, toDate, user);
        return new BookingResult(booking, planner.PlanSession(session.Id, fromDate, toDate));
    }

    private static DateOnly ParseDate(string? text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw AppException.BadRequest("invalid_date", Text.Pick(
            $"Ngày '{field}' phải có dạng yyyy-MM-dd.", $"'{field}' must be a date as yyyy-MM-dd."));
}
