using System.Security.Cryptography;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Features.Users;

/// <summary>A token just created: the secret is in this object only, shown once and never stored.</summary>
public sealed record IssuedToken(long Id, string Token, string Name, DateTimeOffset ExpiresAt);

/// <summary>Personal API tokens for automation: created by their owner, stored hashed, revocable at once.</summary>
public sealed class PersonalTokens(TokenRepository tokens, UserRepository users, PlacesRepository places, TimeProvider time)
{
    public const int DefaultDays = 90;
    public const int MaxDays = 365;
    public const int MaxNameLength = 100;
    /// <summary>Marks a secret as a BroadcastHub personal token, so secret scanners and people can recognise it.</summary>
    public const string Prefix = "bhp_";

    /// <summary>Creates a token for <paramref name="owner"/>, valid <paramref name="expiresInDays"/> days (90 when null).</summary>
    public IssuedToken Create(UserAccount owner, string? name, int? expiresInDays)
    {
        var clean = name?.Trim() ?? "";
        if (clean.Length == 0)
            throw new AppException("token_name_required", Msg.Get("GiveTheTokenAName"));
        if (clean.Length > MaxNameLength)
            throw new AppException("token_name_too_long", Msg.Get("TheTokenNameIsLongerThan", MaxNameLength));
        var days = expiresInDays ?? DefaultDays;
        if (days is < 1 or > MaxDays)
            throw new AppException("invalid_expiry", Msg.Get("TheLifetimeMustBe1To", MaxDays));
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expiresAt = time.GetUtcNow().AddDays(days);
        var id = tokens.Create(owner.Id, AccountService.HashToken(secret), clean, expiresAt, TokenRepository.PersonalKind);
        return new IssuedToken(id, secret, clean, expiresAt);
    }

    /// <summary>The live tokens of <paramref name="owner"/> (personal and sign-in), newest first, without secrets.</summary>
    public IReadOnlyList<ApiToken> List(UserAccount owner, string? kind = null) => tokens.ListLive(owner.Id, kind);

    /// <summary>The live tokens of another user, for an administrator over that user's unit.</summary>
    public IReadOnlyList<ApiToken> ListFor(UserAccount admin, long userId) => tokens.ListLive(Manageable(admin, userId).Id);

    /// <summary>Revokes a token of <paramref name="actor"/>'s own, or any in an administrator's scope; others look absent.</summary>
    public ApiToken Revoke(UserAccount actor, long tokenId)
    {
        var token = tokens.Find(tokenId) ?? throw NotFound(tokenId);
        var owner = token.UserId == actor.Id ? actor : users.Find(token.UserId);
        if (owner is null || !UnitScope.Of(actor, places.ListUnits()).CanManage(actor, owner.Id, owner.UnitId)) throw NotFound(tokenId);
        tokens.Revoke(token.Id);
        return token;
    }

    private UserAccount Manageable(UserAccount admin, long userId)
    {
        var user = users.Find(userId);
        if (user is null || !UnitScope.Of(admin, places.ListUnits()).CanManage(admin, user.Id, user.UnitId))
            throw new AppException("user_not_found", Msg.Get("ThereIsNoUser", userId));
        return user;
    }

    private static AppException NotFound(long id) =>
        new AppException("token_not_found", Msg.Get("ThereIsNoToken", id));
}
