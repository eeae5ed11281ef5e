using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>API bearer tokens, stored only as SHA-256 hashes.</summary>
public sealed class TokenRepository(AppDatabase db, TimeProvider time)
{
    /// <summary>Stores a token hash for a user.</summary>
    public long Create(long userId, string tokenHash, string name, DateTimeOffset expiresAt)
    {
        using var c = db.Open();
        return c.ExecuteScalar<long>(
            "INSERT INTO api_tokens (user_id, token_hash, name, expires_at, created_at) VALUES (@userId, @tokenHash, @name, @expiresAt, @now) RETURNING id",
            new { userId, tokenHash, name, expiresAt = SqlValues.Instant(expiresAt), now = SqlValues.Instant(time.GetUtcNow()) });
    }

    /// <summary>The user id of a live (unexpired, unrevoked) token, or null.</summary>
    public long? FindLiveUser(string tokenHash, DateTimeOffset now)
    {
        using var c = db.Open();
        return c.ExecuteScalar<long?>(
            "SELECT user_id FROM api_tokens WHERE token_hash = @tokenHash AND revoked_at IS NULL AND expires_at > @now",
            new { tokenHash, now = SqlValues.Instant(now) });
    }
}
