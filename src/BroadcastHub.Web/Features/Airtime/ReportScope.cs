using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure.Scope;

namespace BroadcastHub.Web.Features.Airtime;

/// <summary>
/// What the signed-in user may report on, by its <see cref="UserScope"/>: its unit and everything below it; a user
/// without a unit (the first administrator) sees the whole organisation. Another unit's data is answered with 404, never with data.
/// </summary>
public sealed class ReportScope(UserScope scope, UserRepository users)
{
    /// <summary>
    /// The unit to report on: <paramref name="requested"/> when it lies in the user's scope (404 <c>unit_not_found</c>
    /// otherwise), else the user's own unit; null means every commune.
    /// </summary>
    public long? UnitFor(long? requested) =>
        scope.IsWhole || requested is null ? requested ?? scope.OwnUnitId : scope.EnsureUnit(requested.Value).Id;

    /// <summary>The audit entries the user may read: all for a user without a unit, else those made by users of its subtree.</summary>
    public IEnumerable<AuditEntry> Visible(IReadOnlyList<AuditEntry> entries)
    {
        if (scope.IsWhole) return entries;
        var units = users.List().ToDictionary(u => u.UserName, u => u.UnitId, StringComparer.OrdinalIgnoreCase);
        return entries.Where(e => units.TryGetValue(e.User, out var unit) && unit is not null && scope.CoversUnit(unit));
    }
}
