using BroadcastHub.Core.Library;
using BroadcastHub.Core.Places;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Web.Infrastructure.Scope;

/// <summary>
/// What the signed-in user may see and act on, resolved once per request: its unit's subtree (a user without a unit:
/// the whole organisation). Outside a request (jobs, start-up) it is the whole organisation. Every page and API route
/// goes through it: lists are filtered silently, and another unit's commune, session, booking, zone, unit or bulletin
/// is refused exactly as if it did not exist (404 with a stable code), never answered with data.
/// </summary>
public sealed class UserScope(
    IHttpContextAccessor http, UserRepository users, PlacesRepository places, SessionRepository sessions,
    BookingRepository bookings, BulletinRepository bulletins)
{
    private ScopeSnapshot? _snapshot;

    private ScopeSnapshot Snapshot => _snapshot ??= ScopeSnapshot.Resolve(http.HttpContext?.User, users, places);

    /// <summary>Forgets what was resolved, after this request (or job) created a unit or commune.</summary>
    public void Refresh() => _snapshot = null;

    /// <summary>True when the user acts on the whole organisation (no unit), or outside a request.</summary>
    public bool IsWhole => Snapshot.Units.IsWhole;

    /// <summary>The user's own unit: the owner of what it uploads; null for the whole organisation.</summary>
    public long? OwnUnitId => Snapshot.User?.UnitId;

    /// <summary>True when <paramref name="unitId"/> lies in the user's subtree (null only for the whole scope).</summary>
    public bool CoversUnit(long? unitId) => Snapshot.Units.Covers(unitId);

    /// <summary>The units of the user's subtree, by name.</summary>
    public IReadOnlyList<Unit> Units => Snapshot.CoveredUnits;

    /// <summary>The communes of the user's subtree, by name.</summary>
    public IReadOnlyList<Commune> Communes => Snapshot.Communes;

    /// <summary>Ids of <see cref="Communes"/>.</summary>
    public IReadOnlySet<long> CommuneIds => Snapshot.CommuneIds;

    /// <summary>True when the commune lies in the user's subtree.</summary>
    public bool CoversCommune(long communeId) => Snapshot.CommuneIds.Contains(communeId);

    /// <summary>True when the zone belongs to a commune of the user's subtree.</summary>
    public bool CoversZone(long zoneId) => Snapshot.ZoneIds.Contains(zoneId);

    /// <summary>A unit of the subtree, or 404 <c>unit_not_found</c>.</summary>
    public Unit EnsureUnit(long id) =>
        Snapshot.AllUnits.FirstOrDefault(u => u.Id == id && Snapshot.Units.Covers(u.Id)) ?? throw ScopeRefusals.UnitNotFound(id);

    /// <summary>A commune of the subtree, or 404 <c>commune_not_found</c>.</summary>
    public Commune EnsureCommune(long id) =>
        Snapshot.Communes.FirstOrDefault(c => c.Id == id) ?? throw ScopeRefusals.CommuneNotFound(id);

    /// <summary>A session of a commune of the subtree, or 404 <c>session_not_found</c>.</summary>
    public SessionSlot EnsureSession(long id) =>
        sessions.Find(id) is { } s && CoversCommune(s.CommuneId) ? s : throw ScopeRefusals.SessionNotFound(id);

    /// <summary>A booking of a session of the subtree, or 404 <c>booking_not_found</c>.</summary>
    public Booking EnsureBooking(long id) =>
        bookings.Find(id) is { } b && sessions.Find(b.SessionId) is { } s && CoversCommune(s.CommuneId) ? b : throw ScopeRefusals.BookingNotFound(id);

    /// <summary>
    /// Owners whose content the user sees: its subtree and the units above it (content from a centre above is
    /// bookable by the communes below); null for the whole scope. Organisation-wide content (no owner) is always seen.
    /// </summary>
    public IReadOnlyCollection<long>? VisibleContentOwners => Snapshot.ContentOwners;

    /// <summary>True when content owned by <paramref name="ownerUnitId"/> is visible (see <see cref="VisibleContentOwners"/>).</summary>
    public bool SeesContentOf(long? ownerUnitId) =>
        Snapshot.ContentOwners is not { } owners || ownerUnitId is not { } owner || owners.Contains(owner);

    /// <summary>True when the user sees <paramref name="bulletin"/>.</summary>
    public bool Sees(Bulletin bulletin) => SeesContentOf(bulletin.OwnerUnitId);

    /// <summary>A bulletin the user sees, or 404 <c>bulletin_not_found</c>.</summary>
    public Bulletin EnsureBulletin(long id) =>
        bulletins.Find(id) is { } b && Sees(b) ? b : throw ScopeRefusals.BulletinNotFound(id);

    /// <summary>
    /// A bulletin the user may approve or reject: owned by its subtree (organisation-wide ones only by a user without a
    /// unit). 404 when not visible at all; 403 <c>bulletin_out_of_scope</c> for a visible one from above.
    /// </summary>
    public Bulletin EnsureReviewable(long id)
    {
        var bulletin = EnsureBulletin(id);
        return MayReview(bulletin) ? bulletin : throw ScopeRefusals.BulletinOutOfScope(bulletin);
    }

    /// <summary>True when the bulletin is owned by the user's subtree (any bulletin for the whole scope).</summary>
    public bool MayReview(Bulletin bulletin) => IsWhole || (bulletin.OwnerUnitId is { } owner && CoversUnit(owner));

    /// <summary>True when the user sees the playlist: made by a user whose content it sees, and every entry visible.</summary>
    public bool SeesPlaylist(string createdBy, IEnumerable<Bulletin> items) =>
        IsWhole || (SeesContentOf(users.FindByName(createdBy)?.UnitId) && items.All(Sees));
}
