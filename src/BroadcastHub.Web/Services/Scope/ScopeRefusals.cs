using BroadcastHub.Core.Library;
using BroadcastHub.Web.Infrastructure;

namespace BroadcastHub.Web.Services.Scope;

/// <summary>
/// The refusals of <see cref="UserScope"/>: another unit's data is answered exactly like data that does not exist,
/// with the same codes and messages the services already use.
/// </summary>
public static class ScopeRefusals
{
    public static AppException UnitNotFound(long id) =>
        AppException.NotFound("unit_not_found", Msg.Get("ThereIsNoUnit", id));

    public static AppException CommuneNotFound(long id) =>
        AppException.NotFound("commune_not_found", Msg.Get("ThereIsNoCommune2", id));

    public static AppException SessionNotFound(long id) =>
        AppException.NotFound("session_not_found", Msg.Get("ThereIsNoSession", id));

    public static AppException BookingNotFound(long id) =>
        AppException.NotFound("booking_not_found", Msg.Get("ThereIsNoBooking", id));

    public static AppException BulletinNotFound(long id) =>
        AppException.NotFound("bulletin_not_found", Msg.Get("ThereIsNoBulletin2", id));

    public static AppException ZoneNotFound(long id) =>
        AppException.NotFound("zone_not_found", Msg.Get("ThereIsNoZone", id));

    public static AppException PlaylistNotFound(long id) =>
        AppException.NotFound("playlist_not_found", Msg.Get("ThereIsNoPlaylist", id));

    /// <summary>A bulletin the user sees (from a unit above, or organisation-wide) but may not review.</summary>
    public static AppException BulletinOutOfScope(Bulletin b) => new(403, "bulletin_out_of_scope", Msg.Get("BulletinBelongsToAUnitAbove", b.Title));

    /// <summary>Creating something outside the user's subtree (e.g. a top-level unit by a user of a unit).</summary>
    public static AppException UnitOutOfScope() => new(403, "unit_out_of_scope", Msg.Get("YouMayOnlyCreateWithinYour"));
}
