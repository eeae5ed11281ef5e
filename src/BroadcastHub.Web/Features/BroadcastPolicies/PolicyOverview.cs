using BroadcastHub.Core.Places;
using BroadcastHub.Core.Policies;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Services;

namespace BroadcastHub.Web.Features.BroadcastPolicies;

/// <summary>One unit on the policies page: its depth in the tree, its own policy, and the policy in force with its source.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Depth">0 for a top unit, 1 below it, …</param>
/// <param name="Own">The unit's own policy, or null when it inherits.</param>
/// <param name="InForce">The policy that applies to the unit's communes without a nearer one (its own intersected with those above).</param>
/// <param name="InheritedFrom">The unit whose policy it inherits; null when it has its own or the station default applies.</param>
public sealed record UnitPolicyRow(Unit Unit, int Depth, BroadcastPolicy? Own, BroadcastPolicy InForce, Unit? InheritedFrom)
{
    /// <summary>True when neither the unit nor any unit above it sets a policy.</summary>
    public bool IsStationDefault => Own is null && InheritedFrom is null;
}

/// <summary>Every unit in tree order (parents before children, siblings by name) with the broadcast policy that applies to it.</summary>
public sealed class PolicyOverview(PlacesRepository places, PolicyRepository policies, Policies inForce)
{
    /// <summary>The station's default policy (configuration), in force where no unit sets one.</summary>
    public BroadcastPolicy Default => inForce.Default;

    /// <summary>The rows of <paramref name="units"/> (all units unless given), in tree order.</summary>
    public IReadOnlyList<UnitPolicyRow> Rows(IReadOnlyList<Unit>? units = null)
    {
        var all = units ?? places.ListUnits();
        var known = all.Select(u => u.Id).ToHashSet();
        var children = all.ToLookup(u => u.ParentUnitId is { } p && known.Contains(p) ? p : (long?)null);
        var rows = new List<UnitPolicyRow>();
        void Visit(Unit unit, int depth, BroadcastPolicy? above, Unit? source)
        {
            var own = policies.Own(unit.Id);
            var effective = PolicyHierarchy.Effective(new[] { own, above }.OfType<BroadcastPolicy>());
            rows.Add(new UnitPolicyRow(unit, depth, own, effective ?? Default, own is null ? source : null));
            foreach (var child in children[unit.Id].OrderBy(u => u.Name, StringComparer.CurrentCulture))
                Visit(child, depth + 1, effective, own is null ? source : unit);
        }
        var everyone = units is null ? all : places.ListUnits();
        foreach (var top in children[null].OrderBy(u => u.Name, StringComparer.CurrentCulture))
        {
            // A unit-scoped administrator's top unit still inherits from the units above it, as the engine applies.
            var (above, source) = InheritedFromAbove(top, everyone);
            Visit(top, 0, above, source);
        }
        return rows;
    }

    /// <summary>The policies above <paramref name="unit"/> intersected, and the nearest unit that sets one, or nulls.</summary>
    private (BroadcastPolicy? Policy, Unit? Source) InheritedFromAbove(Unit unit, IReadOnlyList<Unit> everyone)
    {
        foreach (var id in Users.UnitScope.AncestorsOf(unit.Id, everyone))
            if (policies.Own(id) is not null) return (policies.AboveUnit(unit.Id), everyone.First(u => u.Id == id));
        return (null, null);
    }
}
