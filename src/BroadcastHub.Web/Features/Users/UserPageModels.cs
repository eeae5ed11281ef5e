using BroadcastHub.Core.Places;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Web.Features.Users;

/// <summary>The create-user form as typed (the password is never sent back).</summary>
public sealed class UserForm
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? Role { get; set; } = Core.Access.Roles.Operator;
    public long? UnitId { get; set; }
}

/// <summary>A temporary password just set by an administrator, shown this once.</summary>
public sealed record TemporaryPassword(string UserName, string Password);

/// <summary>Người dùng: the users an administrator may see, and the create form.</summary>
public sealed record UsersPage
{
    public required IReadOnlyList<UserView> Users { get; init; }
    public required IReadOnlyList<Unit> Units { get; init; }
    public bool MayCreateWithoutUnit { get; init; }
    public UserForm Form { get; init; } = new();
    /// <summary>The temporary password of a reset just made, shown this once.</summary>
    public TemporaryPassword? Reset { get; init; }
}

/// <summary>The new-token form on the profile page.</summary>
public sealed class TokenForm
{
    public string? Name { get; set; }
    public int? ExpiresInDays { get; set; } = PersonalTokens.DefaultDays;
}

/// <summary>Hồ sơ: the signed-in user's account, password change and personal API tokens.</summary>
public sealed class ProfilePage
{
    public required UserAccount User { get; init; }
    public string? UnitName { get; init; }
    public required IReadOnlyList<ApiToken> Tokens { get; init; }
    public TokenForm TokenForm { get; init; } = new();
    /// <summary>The token just created, shown this once.</summary>
    public IssuedToken? Issued { get; init; }
}
