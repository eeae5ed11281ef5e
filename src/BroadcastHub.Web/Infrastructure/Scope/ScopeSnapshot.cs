using System.Security.Claims;
using BroadcastHub.Core.Places;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Users;

namespace BroadcastHub.Web.Infrastructure.Scope;

/// <summary>The organisation as one request sees it: who asks, which units and communes it covers, whose content it reads.</summary>
internal sealed record ScopeSnapshot(
    UserAccount? User, UnitScope Units, IReadOnlyList<Unit> AllUnits, IReadOnlyList<Commune> Communes, IReadOnlySet<long> CommuneIds,
    IReadOnlySet<long>? ContentOwners)
{
    /// <summary>The output zones of <see cref="Communes"/>.</summary>
    public IReadOnlySet<long> ZoneIds { get; } = Communes.Select(c => c.ZoneId).ToHashSet();

    /// <summary>The units of the subtree, by name.</summary>
    public IReadOnlyList<Unit> CoveredUnits { get; } = AllUnits.Where(u => Units.Covers(u.Id)).ToList();

    /// <summary>
    /// The scope of <paramref name="principal"/>: the whole organisation outside a request; a signed-in user's subtree
    /// otherwise (refused with 401 when its account no longer exists).
    /// </summary>
    public static ScopeSnapshot Resolve(ClaimsPrincipal? principal, UserRepository users, PlacesRepository places)
    {
        var allUnits = places.ListUnits();
        var allCommunes = places.ListCommunes();
        if (principal is null) return Whole(allUnits, allCommunes);
        var user = CurrentUser.Of(principal, users);
        var scope = UnitScope.Of(user, allUnits);
        if (scope.IsWhole) return Whole(allUnits, allCommunes) with { User = user };
        var communes = allCommunes.Where(c => scope.Covers(c.ParentUnitId)).ToList();
        var owners = allUnits.Where(u => scope.Covers(u.Id)).Select(u => u.Id)
            .Concat(UnitScope.AncestorsOf(user.UnitId!.Value, allUnits)).ToHashSet();
        return new ScopeSnapshot(user, scope, allUnits, communes, communes.Select(c => c.Id).ToHashSet(), owners);
    }

    private static ScopeSnapshot Whole(IReadOnlyList<Unit> units, IReadOnlyList<Commune> communes) =>
        new(null, UnitScope.Whole, units, communes, communes.Select(c => c.Id).ToHashSet(), null);
}
