using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Features.Users;

/// <summary>
/// An administrator disables, enables, unlocks a user or resets its password, only within its own unit subtree.
/// Disabling and resetting end every sign-in of that user at once: cookies (security stamp) and every token. The audit
/// filter records each action.
/// </summary>
public sealed class AccountAdmin(UserRepository users, TokenRepository tokens, PlacesRepository places, AccountService accounts)
{
    /// <summary>Disables a user: it cannot sign in and every sign-in it has ends now. An administrator cannot disable itself.</summary>
    public UserAccount Disable(UserAccount admin, long userId)
    {
        var user = Manageable(admin, userId);
        if (user.Id == admin.Id)
            throw new AppException("cannot_disable_self", Msg.Get("YouCannotDisableYourOwnAccount"));
        users.SetDisabled(user.Id, true);
        tokens.RevokeAllExcept(user.Id, null);
        return users.Find(user.Id)!;
    }

    /// <summary>Enables a disabled user again (its ended sign-ins and tokens stay ended).</summary>
    public UserAccount Enable(UserAccount admin, long userId)
    {
        var user = Manageable(admin, userId);
        users.SetDisabled(user.Id, false);
        return users.Find(user.Id)!;
    }

    /// <summary>Lifts a lockout after too many wrong passwords.</summary>
    public UserAccount Unlock(UserAccount admin, long userId)
    {
        var user = Manageable(admin, userId);
        users.Unlock(user.Id);
        return users.Find(user.Id)!;
    }

    /// <summary>
    /// Gives the user a random temporary password that must be changed at its next sign-in; ends every sign-in and token
    /// it has. The password is returned this once and stored only as a hash.
    /// </summary>
    public string ResetPassword(UserAccount admin, long userId)
    {
        var user = Manageable(admin, userId);
        var temporary = RandomPasswords.Create();
        users.ReplacePassword(user.Id, accounts.Hash(user, temporary), mustChange: true);
        tokens.RevokeAllExcept(user.Id, null);
        return temporary;
    }

    private UserAccount Manageable(UserAccount admin, long userId)
    {
        var user = users.Find(userId);
        if (user is null || !UnitScope.Of(admin, places.ListUnits()).CanManage(admin, user.Id, user.UnitId))
            throw new AppException("user_not_found", Msg.Get("ThereIsNoUser", userId));
        return user;
    }
}
