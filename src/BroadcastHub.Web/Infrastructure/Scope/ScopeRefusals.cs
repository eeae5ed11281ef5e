using BroadcastHub.Core.Library;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Infrastructure.Scope;

/// <summary>
/// The refusals of <see cref="UserScope"/>: another unit's data is answered exactly like data that does not exist,
/// with the same codes and messages the services already use.
/// </summary>
public static class ScopeRefusals
{
    public static AppException UnitNotFound(long id) =>
        new AppException("unit_not_found", Text.Pick($"Không có đơn vị số {id}.", $"There is no unit {id}."));

    public static AppException CommuneNotFound(long id) =>
        new AppException("commune_not_found", Text.Pick($"Không có xã/phường số {id}.", $"There is no commune {id}."));

    public static AppException SessionNotFound(long id) =>
        new AppException("session_not_found", Text.Pick($"Không có buổi phát số {id}.", $"There is no session {id}."));

    public static AppException BookingNotFound(long id) =>
        new AppException("booking_not_found", Text.Pick($"Không có lượt đặt lịch số {id}.", $"There is no booking {id}."));

    public static AppException BulletinNotFound(long id) =>
        new AppException("bulletin_not_found", Text.Pick($"Không có bản tin số {id}.", $"There is no bulletin {id}."));

    public static AppException ZoneNotFound(long id) =>
        new AppException("zone_not_found", Text.Pick($"Không có vùng phát số {id}.", $"There is no zone {id}."));

    public static AppException PlaylistNotFound(long id) =>
        new AppException("playlist_not_found", Text.Pick($"Không có danh sách phát số {id}.", $"There is no playlist {id}."));

    /// <summary>A bulletin the user sees (from a unit above, or organisation-wide) but may not review.</summary>
    public static AppException BulletinOutOfScope(Bulletin b) => new("bulletin_out_of_scope", Text.Pick(
        $"Bản tin \"{b.Title}\" thuộc đơn vị cấp trên: chỉ đơn vị đó được phê duyệt hoặc từ chối.",
        $"Bulletin \"{b.Title}\" belongs to a unit above yours: only that unit may approve or reject it."));

    /// <summary>Creating something outside the user's subtree (e.g. a top-level unit by a user of a unit).</summary>
    public static AppException UnitOutOfScope() => new("unit_out_of_scope", Text.Pick(
        "Bạn chỉ được tạo trong đơn vị của mình.", "You may only create within your own unit."));
}
