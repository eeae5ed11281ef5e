using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Auth;
using BroadcastHub.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace BroadcastHub.Web.Services.Users;

/// <summary>
/// A user changes its own password, proving the current one. Wrong guesses count towards the sign-in lockout, so a
/// session left open cannot be used to try passwords. On success the user's sign-in API tokens are revoked.
/// </summary>
public sealed class PasswordChange(UserRepository users, TokenRepository tokens, TimeProvider time)
{
    private readonly PasswordHasher<UserAccount> _hasher = new();

    public void Change(UserAccount user, string? current, string? replacement, string? confirmation)
    {
        var now = time.GetUtcNow();
        if (user.LockedUntil is { } until && until > now)
            throw BadRequest("account_locked", "Tài khoản đang bị tạm khoá vì nhập sai mật khẩu nhiều lần; hãy thử lại sau.",
                "The account is locked after too many wrong passwords; try again later.");
        if (string.IsNullOrEmpty(current) || _hasher.VerifyHashedPassword(user, user.PasswordHash, current) == PasswordVerificationResult.Failed)
        {
            if (!string.IsNullOrEmpty(current))
                users.RecordSignIn(user.Id, false, user.FailedSignIns + 1 >= AccountService.MaxFailedSignIns ? now + AccountService.LockoutSpan : null);
            throw BadRequest("wrong_password", "Mật khẩu hiện tại không đúng.", "The current password is wrong.");
        }
        replacement ??= "";
        if (replacement.Length < UserDirectory.MinPasswordLength)
            throw BadRequest("weak_password", $"Mật khẩu mới phải có ít nhất {UserDirectory.MinPasswordLength} ký tự.",
                $"The new password must have at least {UserDirectory.MinPasswordLength} characters.");
        if (replacement.Length > UserDirectory.MaxPasswordLength)
            throw BadRequest("password_too_long", $"Mật khẩu dài quá {UserDirectory.MaxPasswordLength} ký tự.",
                $"The password is longer than {UserDirectory.MaxPasswordLength} characters.");
        if (replacement != confirmation)
            throw BadRequest("password_mismatch", "Hai lần nhập mật khẩu mới không khớp.", "The two new passwords differ.");
        if (replacement == current)
            throw BadRequest("password_unchanged", "Mật khẩu mới phải khác mật khẩu hiện tại.", "The new password must differ from the current one.");
        users.SetPasswordHash(user.Id, _hasher.HashPassword(user, replacement));
        users.RecordSignIn(user.Id, true, null);
        tokens.RevokeAll(user.Id, TokenRepository.SignInKind);
    }

    private static AppException BadRequest(string code, string vietnamese, string english) =>
        AppException.BadRequest(code, Text.Pick(vietnamese, english));
}
