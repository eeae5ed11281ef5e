using System.Security.Claims;
using System.Security.Cryptography;
using BroadcastHub.Core.Access;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace BroadcastHub.Web.Auth;

/// <summary>Sign-in with lockout, user creation and API tokens.</summary>
public sealed class AccountService(UserRepository users, TokenRepository tokens, TimeProvider time)
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutSpan = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(12);
    private readonly PasswordHasher<UserAccount> _hasher = new();

    /// <summary>Checks a password. Locked or wrong gives the same refusal so names cannot be probed.</summary>
    public UserAccount SignIn(string? userName, string? password)
    {
        var refused = new AppException(401, "invalid_credentials", Text.Pick(
            "Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đang bị tạm khoá.", "Wrong user name or password, or the account is locked."));
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) throw refused;
        var user = users.FindByName(userName.Trim());
        if (user is null) throw refused;
        var now = time.GetUtcNow();
        if (user.LockedUntil is { } until && until > now) throw refused;
        var result = _hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            var lockUntil = user.FailedSignIns + 1 >= MaxFailedSignIns ? now + LockoutSpan : (DateTimeOffset?)null;
            users.RecordSignIn(user.Id, false, lockUntil);
            throw refused;
        }
        if (result == PasswordVerificationResult.SuccessRehashNeeded) users.SetPasswordHash(user.Id, _hasher.HashPassword(user, password));
        users.RecordSignIn(user.Id, true, null);
        return user;
    }

    /// <summary>Creates a user with a hashed password.</summary>
    public UserAccount CreateUser(string userName, string password, string role, long? unitId)
    {
        if (!Roles.All.Contains(role))
            throw AppException.BadRequest("invalid_role", $"Role must be one of {string.Join(", ", Roles.All)}.");
        if (password.Length < 8)
            throw AppException.BadRequest("weak_password", Text.Pick("Mật khẩu phải có ít nhất 8 ký tự.", "The password must have at least 8 characters."));
        if (users.FindByName(userName) is not null)
            throw AppException.Conflict("user_exists", Text.Pick($"Đã có người dùng '{userName}'.", $"User '{userName}' already exists."));
        var placeholder = new UserAccount(0, userName, "", role, unitId, 0, null);
        return users.Create(userName, _hasher.HashPassword(placeholder, password), role, unitId);
    }

    /// <summary>Issues a bearer token; only its hash is stored.</summary>
    public (string Token, DateTimeOffset ExpiresAt) IssueToken(UserAccount user, string name)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expiresAt = time.GetUtcNow() + TokenLifetime;
        tokens.Create(user.Id, HashToken(token), name, expiresAt);
        return (token, expiresAt);
    }

    /// <summary>The user a live token belongs to, or null.</summary>
    public UserAccount? FindByToken(string token) =>
        tokens.FindLiveUser(HashToken(token), time.GetUtcNow()) is { } id ? users.Find(id) : null;

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>The claims identity of a signed-in user.</summary>
    public static ClaimsPrincipal PrincipalFor(UserAccount user, string scheme) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.UserName),
            new Claim(ClaimTypes.Role, user.Role),
        ], scheme));
}
