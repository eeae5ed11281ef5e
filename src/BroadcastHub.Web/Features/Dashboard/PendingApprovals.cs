using BroadcastHub.Core.Access;
using BroadcastHub.Core.Library;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure.Scope;

namespace BroadcastHub.Web.Features.Dashboard;

/// <summary>
/// How many bulletins await the signed-in reviewer's approval (in the units it may review). The owners of all pending
/// bulletins are read once per database change and shared by every request; each user's count is a filter over them.
/// </summary>
public sealed class PendingApprovals(BulletinRepository bulletins, AppDatabase db, UserScope scope)
{
    private const int MaxCounted = 10_000;

    private sealed record Owners(IReadOnlyList<long?> Units);

    /// <summary>True for the roles that approve: supervisors and administrators.</summary>
    public static bool Reviews(System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);

    /// <summary>Bulletins awaiting approval that the user may review.</summary>
    public int Count()
    {
        var owners = db.Cache.Get("pending-approval-owners", () =>
            new Owners(bulletins.List(BulletinStatus.PendingApproval, MaxCounted).Select(b => b.OwnerUnitId).ToList()));
        return scope.IsWhole ? owners.Units.Count : owners.Units.Count(u => u is { } unit && scope.CoversUnit(unit));
    }
}
