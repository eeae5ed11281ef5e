using BroadcastHub.Core.Access;
using BroadcastHub.Core.Places;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Users;

namespace BroadcastHub.Web.Tests.Features.Users;

public sealed class UnitScopeTests
{
    private static readonly IReadOnlyList<Unit> Tree =
    [
        new(1, "Tỉnh", null), new(2, "Trung tâm A", 1), new(3, "Cụm A1", 2), new(4, "Cụm A1a", 3), new(5, "Trung tâm B", 1),
    ];

    private static UserAccount User(long id, string role, long? unit) => new(id, "u" + id, "", role, unit, 0, null);

    [Fact]
    public void AUnitCoversItselfAndEveryLevelBelowItOnly()
    {
        var scope = UnitScope.Of(User(1, Roles.Admin, 2), Tree);
        Assert.False(scope.IsWhole);
        Assert.True(scope.Covers(2));
        Assert.True(scope.Covers(3));
        Assert.True(scope.Covers(4));
        Assert.False(scope.Covers(1));
        Assert.False(scope.Covers(5));
        Assert.False(scope.Covers(null));
    }

    [Fact]
    public void AUserWithoutAUnitCoversEverything()
    {
        var scope = UnitScope.Of(User(1, Roles.Admin, null), Tree);
        Assert.True(scope.IsWhole);
        Assert.True(scope.Covers(null));
        Assert.True(scope.Covers(5));
    }

    [Fact]
    public void OnlyAnAdministratorManagesOthersAndOnlyWithinItsUnit()
    {
        var admin = User(1, Roles.Admin, 2);
        var supervisor = User(2, Roles.Supervisor, 1);
        Assert.True(UnitScope.Of(admin, Tree).CanManage(admin, 9, 4));
        Assert.False(UnitScope.Of(admin, Tree).CanManage(admin, 9, 5));
        Assert.False(UnitScope.Of(supervisor, Tree).CanManage(supervisor, 9, 3));
        Assert.True(UnitScope.Of(supervisor, Tree).CanManage(supervisor, 2, 1));
    }

    [Fact]
    public void ACycleInTheTreeDoesNotLoopForever()
    {
        IReadOnlyList<Unit> cyclic = [new(1, "a", 2), new(2, "b", 1)];
        var scope = UnitScope.Of(User(1, Roles.Admin, 1), cyclic);
        Assert.True(scope.Covers(2));
    }

    [Fact]
    public void AncestorsAreTheUnitsAboveNearestFirstAndACycleStops()
    {
        Assert.Equal(new long[] { 3, 2, 1 }, UnitScope.AncestorsOf(4, Tree));
        Assert.Empty(UnitScope.AncestorsOf(1, Tree));
        Assert.Equal(new long[] { 2 }, UnitScope.AncestorsOf(1, [new(1, "a", 2), new(2, "b", 1)]));
    }

    [Fact]
    public void TheWholeScopeCoversEverything()
    {
        Assert.True(UnitScope.Whole.IsWhole);
        Assert.True(UnitScope.Whole.Covers(null));
        Assert.True(UnitScope.Whole.Covers(5));
    }
}
