using System.Security.Claims;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Web.Features.Users;

/// <summary>The users page (/users) and the profile page (/profile) of the signed-in user, read fresh from the database.</summary>
public sealed class UserPages(UserRepository users, PlacesRepository places, UserDirectory directory, PersonalTokens tokens)
{
    /// <summary>The account behind <paramref name="principal"/> (401 <c>not_signed_in</c> when it no longer exists).</summary>
    public UserAccount Caller(ClaimsPrincipal principal) => CurrentUser.Of(principal, users);

    /// <summary>The users <paramref name="principal"/> administers and the units it may give them.</summary>
    public UsersPage Users(ClaimsPrincipal principal, UserForm form, TemporaryPassword? reset = null)
    {
        var admin = Caller(principal);
        var units = places.ListUnits();
        var scope = UnitScope.Of(admin, units);
        return new UsersPage
        {
            Users = directory.List(admin), Units = units.Where(u => scope.Covers(u.Id)).ToList(), MayCreateWithoutUnit = scope.IsWhole,
            Form = form, Reset = reset,
        };
    }

    /// <summary>The name of user <paramref name="id"/>, as stored.</summary>
    public string UserNameOf(long id) => users.Find(id)?.UserName ?? $"#{id}";

    /// <summary>The caller's profile: its account, unit and personal tokens.</summary>
    public ProfilePage Profile(ClaimsPrincipal principal, TokenForm form, IssuedToken? issued)
    {
        var user = Caller(principal);
        return new ProfilePage
        {
            User = user, UnitName = user.UnitId is { } id ? places.FindUnit(id)?.Name : null,
            Tokens = tokens.List(user, TokenRepository.PersonalKind), TokenForm = form, Issued = issued,
        };
    }
}
