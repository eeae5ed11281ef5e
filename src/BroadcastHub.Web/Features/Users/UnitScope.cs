using BroadcastHub.Core.Access;
using BroadcastHub.Core.Places;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Web.Features.Users;

/// <summary>
/// The units a user may act in: its own unit and everything below it. A user without a unit (the first
/// administrator) acts everywhere.
/// </summary>
public sealed class UnitScope
{
    private readonly HashSet<long>? _units;

    private UnitScope(HashSet<long>? units) => _units = units;

    /// <summary>True for a user without a unit: the whole organisation.</summary>
    public bool IsWhole => _units is null;

    /// <summary>The scope of <paramref name="user"/> within the organisation tree <paramref name="units"/>.</summary>
    public static UnitScope Of(UserAccount user, IReadOnlyList<Unit> units) =>
        new(user.UnitId is { } root ? Places.UnitTree.Subtree(root, units) : null);

    /// <summary>The whole organisation: what the system itself (jobs, start-up) acts on.</summary>
    public static UnitScope Whole { get; } = new(null);

    /// <summary>The units strictly above <paramref name="unitId"/>, nearest first; a cycle stops the walk.</summary>
    public static IReadOnlyList<long> AncestorsOf(long unitId, IReadOnlyList<Unit> units)
    {
        var parents = units.ToDictionary(u => u.Id, u => u.ParentUnitId);
        var found = new List<long>();
        var seen = new HashSet<long> { unitId };
        while (parents.TryGetValue(unitId, out var parent) && parent is { } p && seen.Add(p))
        {
            found.Add(p);
            unitId = p;
        }
        return found;
    }

    /// <summary>True when <paramref name="unitId"/> lies in the scope; a unit-less target only in the whole scope.</summary>
    public bool Covers(long? unitId) => _units is null || (unitId is { } id && _units.Contains(id));

    /// <summary>True when <paramref name="actor"/> may manage user <paramref name="targetUserId"/> of unit <paramref name="targetUnitId"/>: itself, or an administrator over the target's unit.</summary>
    public bool CanManage(UserAccount actor, long targetUserId, long? targetUnitId) =>
        actor.Id == targetUserId || (actor.Role == Roles.Admin && Covers(targetUnitId));
}
