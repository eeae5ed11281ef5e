using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Features.Users;

/// <summary>
/// A user changes its own password, proving the current one. Wrong guesses count towards the sign-in lockout, so a
/// session left open cannot be used to try passwords. On success every other sign-in of the user ends: the security
/// stamp changes (other cookies) and every token but the one making the request is revoked.
/// </summary>
public sealed class PasswordChange(UserRepository users, TokenRepository tokens, AccountService accounts)
{
    /// <summary>Changes the password; returns the account as stored now (new stamp, no longer bound to change it).</summary>
    public UserAccount Change(UserAccount user, string? current, string? replacement, string? confirmation, string? keepTokenHash = null)
    {
        if (string.IsNullOrEmpty(current) || !accounts.CheckPassword(user, current))
            throw BadRequest("wrong_password", Msg.Get("TheCurrentPasswordIsWrong"));
        replacement ??= "";
        if (replacement.Length < UserDirectory.MinPasswordLength)
            throw BadRequest("weak_password", Msg.Get("TheNewPasswordMustHaveAt", UserDirectory.MinPasswordLength));
        if (replacement.Length > UserDirectory.MaxPasswordLength)
            throw BadRequest("password_too_long", Msg.Get("ThePasswordIsLongerThanCharacters", UserDirectory.MaxPasswordLength));
        CommonPasswords.Check(replacement);
        if (replacement != confirmation)
            throw BadRequest("password_mismatch", Msg.Get("TheTwoNewPasswordsDiffer"));
        if (replacement == current)
            throw BadRequest("password_unchanged", Msg.Get("TheNewPasswordMustDifferFrom"));
        users.ReplacePassword(user.Id, accounts.Hash(user, replacement), mustChange: false);
        tokens.RevokeAllExcept(user.Id, keepTokenHash);
        return users.Find(user.Id)!;
    }

    private static AppException BadRequest(string code, string message) => new(code, message);
}
