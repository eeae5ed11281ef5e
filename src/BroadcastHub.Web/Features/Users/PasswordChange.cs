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
            throw BadRequest("wrong_password", "Mật khẩu hiện tại không đúng.", "The current password is wrong.");
        replacement ??= "";
        if (replacement.Length < UserDirectory.MinPasswordLength)
            throw BadRequest("weak_password", $"Mật khẩu mới phải có ít nhất {UserDirectory.MinPasswordLength} ký tự.",
                $"The new password must have at least {UserDirectory.MinPasswordLength} characters.");
        if (replacement.Length > UserDirectory.MaxPasswordLength)
            throw BadRequest("password_too_long", $"Mật khẩu dài quá {UserDirectory.MaxPasswordLength} ký tự.",
                $"The password is longer than {UserDirectory.MaxPasswordLength} characters.");
        CommonPasswords.Check(replacement);
        if (replacement != confirmation)
            throw BadRequest("password_mismatch", "Hai lần nhập mật khẩu mới không khớp.", "The two new passwords differ.");
        if (replacement == current)
            throw BadRequest("password_unchanged", "Mật khẩu mới phải khác mật khẩu hiện tại.", "The new password must differ from the current one.");
        users.ReplacePassword(user.Id, accounts.Hash(user, replacement), mustChange: false);
        tokens.RevokeAllExcept(user.Id, keepTokenHash);
        return users.Find(user.Id)!;
    }

    private static AppException BadRequest(string code, string vietnamese, string english) =>
        new AppException(code, Text.Pick(vietnamese, english));
}
