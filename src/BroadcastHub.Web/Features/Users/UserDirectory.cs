using BroadcastHub.Core.Access;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Features.Users;

/// <summary>Administrators list and create users, each within the administrator's own unit subtree.</summary>
public sealed class UserDirectory(UserRepository users, PlacesRepository places, AccountService accounts, TimeProvider time)
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 200;

    /// <summary>The users <paramref name="admin"/> may see, by name.</summary>
    public IReadOnlyList<UserView> List(UserAccount admin)
    {
        var units = places.ListUnits();
        var scope = UnitScope.Of(admin, units);
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        var now = time.GetUtcNow();
        return users.List().Where(u => scope.Covers(u.UnitId))
            .Select(u => new UserView(u.Id, u.UserName, u.Role, u.UnitId, u.UnitId is { } id ? names.GetValueOrDefault(id) : null,
                u.CreatedAt, u.LockedUntil > now ? u.LockedUntil : null, u.DisabledAt))
            .ToList();
    }

    /// <summary>Creates a user after checking every field; changes nothing when one is wrong.</summary>
    public UserView Create(UserAccount admin, NewUser input)
    {
        var userName = UserNames.Check(input.UserName);
        var role = Roles.All.FirstOrDefault(r => string.Equals(r, input.Role?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new AppException("invalid_role", Msg.Get("TheRoleMustBeOneOf", string.Join(", ", Roles.All)));
        var unit = CheckUnit(admin, input.UnitId, role);
        var password = input.Password ?? "";
        if (password.Length < MinPasswordLength)
            throw new AppException("weak_password", Msg.Get("ThePasswordMustHaveAtLeast2", MinPasswordLength));
        if (password.Length > MaxPasswordLength)
            throw new AppException("password_too_long", Msg.Get("ThePasswordIsLongerThanCharacters", MaxPasswordLength));
        CommonPasswords.Check(password);
        try
        {
            var created = accounts.CreateUser(userName, password, role, unit?.Id);
            return new UserView(created.Id, created.UserName, created.Role, created.UnitId, unit?.Name, time.GetUtcNow(), null);
        }
        catch (System.Data.Common.DbException e) when (BroadcastHub.Data.SqlDialect.IsUniqueViolation(e))
        {
            throw UserNames.Exists(userName); // lost a race with another request creating the same name
        }
    }

    private Core.Places.Unit? CheckUnit(UserAccount admin, long? unitId, string role)
    {
        var scope = UnitScope.Of(admin, places.ListUnits());
        if (unitId is null)
        {
            if (role == Roles.Admin && scope.IsWhole) return null;
            throw new AppException("unit_required", Msg.Get("ChooseTheUserUnitOnlyA"));
        }
        var unit = places.FindUnit(unitId.Value)
            ?? throw new AppException("unit_not_found", Msg.Get("ThereIsNoUnit2", unitId));
        if (!scope.Covers(unit.Id))
            throw new AppException("unit_out_of_scope", Msg.Get("YouMayOnlyCreateUsersWithin"));
        return unit;
    }
}
