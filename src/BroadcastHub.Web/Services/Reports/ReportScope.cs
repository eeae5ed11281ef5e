using System.Security.Claims;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Services.Users;

namespace BroadcastHub.Web.Services.Reports;

/// <summary>
/// What the signed-in user may report on: its unit and everything below it; a user without a unit (the first
/// administrator) sees the whole organisation. Another unit's data is answered with 404, never with data.
/// </summary>
public sealed class ReportScope(UserRepository users, PlacesRepository places)
{
    /// <summary>
    /// The unit to report on: <paramref name="requested"/> when it lies in the user's scope (404 <c>unit_not_found</c>
    /// otherwise), else the user's own unit; null means every commune.
    /// </summary>
    public long? UnitFor(ClaimsPrincipal principal, long? requested)
    {
        var me = CurrentUser.Of(principal, users);
        if (me.UnitId is null || requested is null) return requested ?? me.UnitId;
        return UnitScope.Of(me, places.ListUnits()).Covers(requested)
            ? requested
            : throw AppException.NotFound("unit_not_found", Text.Pick($"Không có đơn vị số {requested}.", $"There is no unit {requested}."));
    }

    /// <summary>The audit entries the user may read: all for a user without a unit, else those made by users of its subtree.</summary>
    public IEnumerable<AuditEntry> Visible(ClaimsPrincipal principal, IReadOnlyList<AuditEntry> entries)
    {
        var me = CurrentUser.Of(principal, users);
        if (me.UnitId is null) return entries;
        var scope = UnitScope.Of(me, places.ListUnits());
        var units = users.List().ToDictionary(u => u.UserName, u => u.UnitId, StringComparer.OrdinalIgnoreCase);
        return entries.Where(e => units.TryGetValue(e.User, out var unit) && unit is not null && scope.Covers(unit));
    }
}
