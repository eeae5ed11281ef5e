using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>An API token as stored, without its secret (only the secret's hash is stored, and it is not read back).</summary>
public sealed record ApiToken(
    long Id, long UserId, string Name, string Kind, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>API bearer tokens, stored only as SHA-256 hashes.</summary>
public sealed class TokenRepository(AppDatabase db, TimeProvider time)
{
    /// <summary>Issued by <c>/api/auth/token</c> at sign-in; short-lived.</summary>
    public const string SignInKind = "sign-in";
    /// <summary>Made by a user for automation; lives until it expires or is revoked.</summary>
    public const string PersonalKind = "personal";

    private sealed record Row(long Id, long UserId, string Name, string Kind, string CreatedAt, string ExpiresAt, string? RevokedAt)
    {
        public ApiToken ToToken() => new(Id, UserId, Name, Kind, SqlValues.ParseInstant(CreatedAt), SqlValues.ParseInstant(ExpiresAt),
            SqlValues.ParseInstantOrNull(RevokedAt));
    }

    private const string Select =
        "SELECT id, user_id AS UserId, name, kind, created_at AS CreatedAt, expires_at AS ExpiresAt, revoked_at AS RevokedAt FROM api_tokens";

    /// <summary>Stores a sign-in token hash for a user.</summary>
    public long Create(long userId, string tokenHash, string name, DateTimeOffset expiresAt) =>
        Create(userId, tokenHash, name, expiresAt, SignInKind);

    /// <summary>Stores a token hash of <paramref name="kind"/> for a user.</summary>
    public long Create(long userId, string tokenHash, string name, DateTimeOffset expiresAt, string kind)
    {
        using var c = db.Open();
        return c.ExecuteScalar<long>(
            "INSERT INTO api_tokens (user_id, token_hash, name, kind, expires_at, created_at) VALUES (@userId, @tokenHash, @name, @kind, @expiresAt, @now) RETURNING id",
            new { userId, tokenHash, name, kind, expiresAt = SqlValues.Instant(expiresAt), now = SqlValues.Instant(time.GetUtcNow()) });
    }

    /// <summary>The user id of a live (unexpired, unrevoked) token, or null.</summary>
    /// <remarks>Read on every API request: the unrevoked token is cached until the database changes, its expiry compared here.</remarks>
    public long? FindLiveUser(string tokenHash, DateTimeOffset now)
    {
        var token = db.Cache.Get($"token|{tokenHash}", () =>
        {
            using var c = db.Open();
            return new Unrevoked(c.QuerySingleOrDefault<Life>(
                "SELECT user_id AS UserId, expires_at AS ExpiresAt FROM api_tokens WHERE token_hash = @tokenHash AND revoked_at IS NULL", new { tokenHash }));
        }).Token;
        return token is { } t && string.CompareOrdinal(t.ExpiresAt, SqlValues.Instant(now)) > 0 ? t.UserId : null;
    }

    private sealed record Life(long UserId, string ExpiresAt);

    private sealed record Unrevoked(Life? Token);

    /// <summary>One token by id (live or not), or null.</summary>
    public ApiToken? Find(long id)
    {
        using var c = db.Open();
        return c.QuerySingleOrDefault<Row>(Select + " WHERE id = @id", new { id })?.ToToken();
    }

    /// <summary>A user's live tokens, newest first; only those of <paramref name="kind"/> when it is given.</summary>
    public IReadOnlyList<ApiToken> ListLive(long userId, string? kind = null)
    {
        using var c = db.Open();
        return c.Query<Row>(
                Select + " WHERE user_id = @userId AND (@kind IS NULL OR kind = @kind) AND revoked_at IS NULL AND expires_at > @now ORDER BY id DESC",
                new { userId, kind, now = SqlValues.Instant(time.GetUtcNow()) })
            .Select(r => r.ToToken()).ToList();
    }

    /// <summary>Revokes a token from now on; a token revoked earlier keeps its first revocation time.</summary>
    public void Revoke(long id)
    {
        using var c = db.Open();
        c.Execute("UPDATE api_tokens SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL",
            new { id, now = SqlValues.Instant(time.GetUtcNow()) });
    }

    /// <summary>Revokes all of a user's live tokens of <paramref name="kind"/>; returns how many.</summary>
    public int RevokeAll(long userId, string kind)
    {
        using var c = db.Open();
        return c.Execute("UPDATE api_tokens SET revoked_at = @now WHERE user_id = @userId AND kind = @kind AND revoked_at IS NULL",
            new { userId, kind, now = SqlValues.Instant(time.GetUtcNow()) });
    }

    /// <summary>
    /// Revokes every live token of a user, sign-in and personal, except the one whose hash is <paramref name="keepTokenHash"/>
    /// (the request's own, when a user changes its own password); returns how many.
    /// </summary>
    public int RevokeAllExcept(long userId, string? keepTokenHash)
    {
        using var c = db.Open();
        return c.Execute(
            "UPDATE api_tokens SET revoked_at = @now WHERE user_id = @userId AND revoked_at IS NULL AND (@keepTokenHash IS NULL OR token_hash <> @keepTokenHash)",
            new { userId, keepTokenHash, now = SqlValues.Instant(time.GetUtcNow()) });
    }
}
