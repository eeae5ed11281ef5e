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
        new AppException("unit_not_found", Msg.Get("ThereIsNoUnit", id));

    public static AppException CommuneNotFound(long id) =>
        new AppException("commune_not_found", Msg.Get("ThereIsNoCommune2", id));

    public static AppException SessionNotFound(long id) =>
        new AppException("session_not_found", Msg.Get("ThereIsNoSession", id));

    public static AppException BookingNotFound(long id) =>
        new AppException("booking_not_found", Msg.Get("ThereIsNoBooking", id));

    public static AppException BulletinNotFound(long id) =>
        new AppException("bulletin_not_found", Msg.Get("ThereIsNoBulletin2", id));

    public static AppException ZoneNotFound(long id) =>
        new AppException("zone_not_found", Msg.Get("ThereIsNoZone", id));

    public static AppException PlaylistNotFound(long id) =>
        new AppException("playlist_not_found", Msg.Get("ThereIsNoPlaylist", id));

    /// <summary>A bulletin the user sees (from a unit above, or organisation-wide) but may not review.</summary>
    public static AppException BulletinOutOfScope(Bulletin b) => new("bulletin_out_of_scope", Msg.Get("BulletinBelongsToAUnitAbove", b.Title));

    /// <summary>Creating something outside the user's subtree (e.g. a top-level unit by a user of a unit).</summary>
    public static AppException UnitOutOfScope() => new("unit_out_of_scope", Msg.Get("YouMayOnlyCreateWithinYour"));
}
