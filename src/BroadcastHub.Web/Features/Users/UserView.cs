namespace BroadcastHub.Web.Features.Users;

/// <summary>A user as shown to administrators (page and API): never a password or its hash.</summary>
public sealed record UserView(long Id, string UserName, string Role, long? UnitId, string? UnitName, DateTimeOffset CreatedAt, DateTimeOffset? LockedUntil,
    DateTimeOffset? DisabledAt = null);

/// <summary>What an administrator enters to create a user; unchecked as typed.</summary>
public sealed record NewUser(string? UserName, string? Password, string? Role, long? UnitId);
