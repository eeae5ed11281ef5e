using System.Security.Claims;
using System.Security.Cryptography;
using BroadcastHub.Core.Access;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Audit;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Auth;
using BroadcastHub.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Identity;

namespace BroadcastHub.Web.Features.Users;

/// <summary>Sign-in with lockout, user creation and API tokens.</summary>
public sealed class AccountService(
    UserRepository users, TokenRepository tokens, IPasswordHasher<UserAccount> hasher, AuditLog audit, TimeProvider time)
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutSpan = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(12);
    private const int MaxAuditedNameLength = 64;
    private static readonly UserAccount Decoy = new(0, "", "", Roles.Operator, null, 0, null);
    private readonly Lazy<string> _decoyHash = new(() => hasher.HashPassword(Decoy, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    /// <summary>
    /// Checks a password. Unknown, disabled, locked or wrong all give the same refusal after the same work (one password
    /// hash), so names cannot be probed by answer or by time. The attempt is counted in the database before the password
    /// is checked, so a parallel burst gets no more tries than <see cref="MaxFailedSignIns"/>.
    /// </summary>
    public UserAccount SignIn(string? userName, string? password)
    {
        var name = userName?.Trim() ?? "";
        var user = name.Length is > 0 and <= MaxAuditedNameLength ? users.FindByName(name) : null;
        var now = time.GetUtcNow();
        var attempt = user is { IsDisabled: false } ? users.BeginSignInAttempt(user.Id, now, MaxFailedSignIns, now + LockoutSpan) : null;
        var checkedUser = attempt is { Allowed: true } ? user : null;
        var result = hasher.VerifyHashedPassword(checkedUser ?? Decoy, checkedUser?.PasswordHash ?? _decoyHash.Value, password ?? "");
        if (checkedUser is null || string.IsNullOrEmpty(password) || result == PasswordVerificationResult.Failed)
        {
            AuditRefusal(name, user, attempt);
            throw Refused();
        }
        if (result == PasswordVerificationResult.SuccessRehashNeeded) users.SetPasswordHash(checkedUser.Id, hasher.HashPassword(checkedUser, password));
        users.RecordSuccess(checkedUser.Id);
        audit.Record(checkedUser.UserName, "sign-in", "users", checkedUser.Id);
        return checkedUser with { FailedSignIns = 0, LockedUntil = null };
    }

    /// <summary>True when <paramref name="password"/> is <paramref name="user"/>'s; a wrong one counts towards the lockout.</summary>
    public bool CheckPassword(UserAccount user, string? password)
    {
        var now = time.GetUtcNow();
        var attempt = users.BeginSignInAttempt(user.Id, now, MaxFailedSignIns, now + LockoutSpan);
        if (!attempt.Allowed)
            throw new AppException("account_locked", Msg.Get("TheAccountIsLockedAfterToo"));
        if (!string.IsNullOrEmpty(password) && hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed)
        {
            users.RecordSuccess(user.Id);
            return true;
        }
        audit.Record(user.UserName, attempt.LockedNow ? "locked-out" : "password-check-failed", "users", user.Id);
        return false;
    }

    /// <summary>The hash of <paramref name="password"/> for <paramref name="user"/>.</summary>
    public string Hash(UserAccount user, string password) => hasher.HashPassword(user, password);

    /// <summary>Creates a user with a hashed password.</summary>
    public UserAccount CreateUser(string userName, string password, string role, long? unitId, bool mustChangePassword = false)
    {
        if (!Roles.All.Contains(role))
            throw new AppException("invalid_role", Msg.Get("RoleMustBeOneOf", string.Join(", ", Roles.All)));
        if (password.Length < 8)
            throw new AppException("weak_password", Msg.Get("ThePasswordMustHaveAtLeast"));
        if (users.FindByName(userName) is not null)
            throw new AppException("user_exists", Msg.Get("UserAlreadyExists", userName));
        var placeholder = new UserAccount(0, userName, "", role, unitId, 0, null);
        return users.Create(userName, hasher.HashPassword(placeholder, password), role, unitId, mustChangePassword);
    }

    /// <summary>Issues a bearer token; only its hash is stored.</summary>
    public (string Token, DateTimeOffset ExpiresAt) IssueToken(UserAccount user, string name)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expiresAt = time.GetUtcNow() + TokenLifetime;
        tokens.Create(user.Id, HashToken(token), name, expiresAt);
        return (token, expiresAt);
    }

    /// <summary>The enabled user a live token belongs to, or null.</summary>
    public UserAccount? FindByToken(string token) =>
        tokens.FindLiveUser(HashToken(token), time.GetUtcNow()) is { } id && users.Find(id) is { IsDisabled: false } user ? user : null;

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>The claims identity of a user signed in now.</summary>
    public ClaimsPrincipal PrincipalFor(UserAccount user, string scheme) => AuthClaims.PrincipalFor(user, scheme, time.GetUtcNow());

    private void AuditRefusal(string typedName, UserAccount? user, SignInAttempt? attempt)
    {
        var reason = user is null ? "unknown-user" : user.IsDisabled ? "disabled" : attempt is { Allowed: false } ? "locked" : "wrong-password";
        var who = user?.UserName ?? (typedName.Length > MaxAuditedNameLength ? typedName[..MaxAuditedNameLength] : typedName);
        audit.Record(who, "sign-in-failed", "users", user?.Id, new { reason });
        if (attempt is { LockedNow: true } && user is not null)
            audit.Record(user.UserName, "locked-out", "users", user.Id, new { until = time.GetUtcNow() + LockoutSpan });
    }

    private static AppException Refused() => new("invalid_credentials", Msg.Get("WrongUserNameOrPasswordOr"));
}
