using BroadcastHub.Core.Airtime;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>Signs the airtime chain's head now and then, and verifies the log against the newest signed head.</summary>
public sealed class AirtimeCheckpoints(AppDatabase db, AirtimeRepository airtime, AirtimeCheckpointKey key, TimeProvider time)
{
    /// <summary>The key's public half and id, for exports and for checking heads elsewhere.</summary>
    public AirtimeCheckpointKey Key => key;

    /// <summary>The newest checkpoint, or null when none was signed yet.</summary>
    public AirtimeCheckpoint? Latest()
    {
        using var c = db.Open();
        return c.QuerySingleOrDefault<AirtimeCheckpoint>(
            """
            SELECT id AS Id, head_id AS HeadId, head_hash AS HeadHash, legacy_until_id AS LegacyUntilId, signed_at AS SignedAt,
                key_id AS KeyId, signature AS Signature
            FROM airtime_checkpoints ORDER BY id DESC LIMIT 1
            """);
    }

    /// <summary>
    /// Signs the current head and returns the new checkpoint. Returns the newest checkpoint instead when it already
    /// states this head, or when the log no longer extends it (cut or rewritten): a damaged log is never signed over.
    /// </summary>
    public AirtimeCheckpoint Sign() => db.InTransaction((c, t) =>
    {
        var (headId, headHash) = c.QuerySingleOrDefault<(long, string?)>("SELECT id, hash FROM airtime ORDER BY id DESC LIMIT 1", transaction: t);
        var legacyUntil = c.ExecuteScalar<long?>("SELECT max(legacy_until_id) FROM airtime_chain_origin", transaction: t) ?? 0;
        headHash ??= AirtimeChain.Genesis;
        var latest = Latest();
        if (latest is not null)
        {
            if (latest.HeadId == headId && latest.HeadHash == headHash && latest.KeyId == key.KeyId) return latest;
            var hashThen = c.ExecuteScalar<string?>("SELECT hash FROM airtime WHERE id = @HeadId", new { latest.HeadId }, t);
            var extends = latest.LegacyUntilId == legacyUntil && headId >= latest.HeadId
                && (latest.HeadId <= legacyUntil || string.Equals(hashThen, latest.HeadHash, StringComparison.Ordinal));
            if (!extends) return latest;
        }
        var signedAt = SqlValues.Instant(time.GetUtcNow());
        var signature = key.Sign(AirtimeCheckpoint.Text(headId, headHash, legacyUntil, signedAt));
        var id = c.ExecuteScalar<long>(
            """
            INSERT INTO airtime_checkpoints (head_id, head_hash, legacy_until_id, signed_at, key_id, signature)
            VALUES (@headId, @headHash, @legacyUntil, @signedAt, @keyId, @signature) RETURNING id
            """, new { headId, headHash, legacyUntil, signedAt, keyId = key.KeyId, signature }, t);
        return new AirtimeCheckpoint(id, headId, headHash, legacyUntil, signedAt, key.KeyId, signature);
    });

    /// <summary>
    /// Signs the head when <paramref name="everyRecords"/> records were appended since the newest checkpoint, or any
    /// was and <paramref name="every"/> has passed. Returns the new checkpoint, or null when none was due.
    /// </summary>
    public AirtimeCheckpoint? SignIfDue(int everyRecords, TimeSpan every)
    {
        var latest = Latest();
        using (var c = db.Open())
        {
            var headId = c.ExecuteScalar<long?>("SELECT max(id) FROM airtime") ?? 0;
            var behind = headId - (latest?.HeadId ?? 0);
            if (latest is not null && (behind <= 0 || (behind < Math.Max(1, everyRecords) && time.GetUtcNow() - SqlValues.ParseInstant(latest.SignedAt) < every)))
                return null;
        }
        return Sign();
    }

    /// <summary>
    /// Walks the chain and compares it with the newest checkpoint. A checkpoint whose signature does not verify with
    /// this station's key is reported as <c>checkpoint_signature_invalid</c> rather than trusted.
    /// </summary>
    public AirtimeChainReport Verify()
    {
        var latest = Latest();
        if (latest is null || key.Verifies(latest.Payload, latest.Signature)) return airtime.Verify(latest);
        return airtime.Verify() with { Intact = false, Problem = AirtimeChainCodes.CheckpointSignatureInvalid, Checkpoint = latest };
    }
}
