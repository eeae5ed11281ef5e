using BroadcastHub.Core.Places;

namespace BroadcastHub.Web.Features.Places;

/// <summary>Walks the organisation tree: a unit and everything below it.</summary>
public static class UnitTree
{
    /// <summary>The ids of <paramref name="root"/> and every unit below it.</summary>
    public static HashSet<long> Subtree(long root, IReadOnlyList<Unit> units)
    {
        var children = units.Where(u => u.ParentUnitId is not null).ToLookup(u => u.ParentUnitId!.Value, u => u.Id);
        var found = new HashSet<long> { root };
        var pending = new Queue<long>([root]);
        while (pending.TryDequeue(out var id))
            foreach (var child in children[id])
                if (found.Add(child)) pending.Enqueue(child);
        return found;
    }

    /// <summary>The communes within <paramref name="unitId"/>'s subtree; all of them when it is null.</summary>
    public static IEnumerable<Commune> CommunesUnder(long? unitId, IReadOnlyList<Unit> units, IEnumerable<Commune> communes)
    {
        if (unitId is not { } root) return communes;
        var subtree = Subtree(root, units);
        return communes.Where(c => c.ParentUnitId is { } parent && subtree.Contains(parent));
    }
}
