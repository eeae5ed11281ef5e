using System.Globalization;
using BroadcastHub.Core.Places;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Services;

/// <summary>Validated creation of units, communes and sessions.</summary>
public sealed class PlacesService(PlacesRepository places, SessionRepository sessions)
{
    public Unit CreateUnit(string? name, long? parentUnitId)
    {
        var clean = RequireName(name);
        if (parentUnitId is { } parent) RequireUnit(parent);
        return places.CreateUnit(clean, parentUnitId);
    }

    public Commune CreateCommune(string? name, long? parentUnitId)
    {
        var clean = RequireName(name);
        if (parentUnitId is { } parent) RequireUnit(parent);
        return places.CreateCommune(clean, parentUnitId);
    }

    public Commune FindCommune(long id) => places.FindCommune(id)
        ?? throw AppException.NotFound("commune_not_found", Text.Pick($"Không có xã/phường số {id}.", $"There is no commune {id}."));

    public SessionSlot CreateSession(long communeId, IReadOnlyList<int>? weekdays, string? start, int lengthMinutes)
    {
        FindCommune(communeId);
        IsoWeekdays days;
        try
        {
            days = IsoWeekdays.FromIso(weekdays ?? []);
        }
        catch (ArgumentException)
        {
            throw AppException.BadRequest("invalid_weekdays", Text.Pick(
                "Ngày trong tuần phải là các số 1 (thứ Hai) đến 7 (Chủ nhật), ít nhất một ngày.",
                "Weekdays must be ISO numbers 1 (Monday) to 7 (Sunday), at least one."));
        }
        if (!TimeOnly.TryParseExact(start, ["HH:mm:ss", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var startTime))
            throw AppException.BadRequest("invalid_start", Text.Pick(
                "Giờ bắt đầu phải có dạng HH:mm:ss (giờ địa phương của đài).", "start must be HH:mm:ss (station local time)."));
        if (lengthMinutes is < 1 or > 1440)
            throw AppException.BadRequest("invalid_length", Text.Pick(
                "Thời lượng buổi phát phải từ 1 đến 1440 phút.", "lengthMinutes must be between 1 and 1440."));
        return sessions.Create(communeId, days, startTime, lengthMinutes);
    }

    public SessionSlot FindSession(long id) => sessions.Find(id)
        ?? throw AppException.NotFound("session_not_found", Text.Pick($"Không có buổi phát số {id}.", $"There is no session {id}."));

    private void RequireUnit(long id)
    {
        if (places.FindUnit(id) is null)
            throw AppException.BadRequest("unit_not_found", Text.Pick($"Không có đơn vị số {id}.", $"There is no unit {id}."));
    }

    private static string RequireName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw AppException.BadRequest("name_required", Text.Pick("Hãy nhập tên.", "A name is required."));
        if (name.Trim().Length > 200)
            throw AppException.BadRequest("name_too_long", Text.Pick("Tên dài quá 200 ký tự.", "The name is longer than 200 characters."));
        return name.Trim();
    }
}
