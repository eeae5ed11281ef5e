using System.Text.Json;
using BroadcastHub.Core.Airtime;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// Signs the airtime chain's head now and then, and verifies the log against the newest signed head. The newest
/// checkpoint is also kept beside the key (<c>airtime-head.json</c>), so deleting checkpoint rows from the database
/// does not make an older head the reference.
/// </summary>
public sealed class AirtimeCheckpoints(AppDatabase db, AirtimeRepository airtime, AirtimeCheckpointKey key, TimeProvider time)
{
    private readonly string _headFile = Path.Combine(Path.GetDirectoryName(key.Path)!, "airtime-head.json");

    /// <summary>The key's public half and id, for exports and for checking heads elsewhere.</summary>
    public AirtimeCheckpointKey Key => key;

    /// <summary>The newest checkpoint (of the database's and the one kept beside the key), or null when none was signed yet.</summary>
    public AirtimeCheckpoint? Latest()
    {
        var stored = NewestStored();
        var kept = Kept();
        return kept is not null && (stored is null || kept.HeadId > stored.HeadId) ? kept : stored;
    }

    private AirtimeCheckpoint? Kept()
    {
        try
        {
            return File.Exists(_headFile) ? JsonSerializer.Deserialize<AirtimeCheckpoint>(File.ReadAllText(_headFile)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Best effort: the database row stays the reference when the keys folder cannot be written.
    private void Keep(AirtimeCheckpoint checkpoint)
    {
        try
        {
            var temp = _headFile + ".new";
            File.WriteAllText(temp, JsonSerializer.Serialize(checkpoint));
            File.Move(temp, _headFile, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private AirtimeCheckpoint? NewestStored()
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
        var checkpoint = new AirtimeCheckpoint(id, headId, headHash, legacyUntil, signedAt, key.KeyId, signature);
        Keep(checkpoint);
        return checkpoint;
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
    /// Walks the chain and compares it with the newest checkpoint. When the newest row or the kept head carries a
    /// signature that does not verify with this station's key, that is reported (<c>checkpoint_signature_invalid</c>)
    /// rather than trusted.
    /// </summary>
    public AirtimeChainReport Verify()
    {
        var forged = new[] { NewestStored(), Kept() }.FirstOrDefault(c => c is not null && !key.Verifies(c.Payload, c.Signature));
        if (forged is null) return airtime.Verify(Latest());
        return airtime.Verify() with { Intact = false, Problem = AirtimeChainCodes.CheckpointSignatureInvalid, Checkpoint = forged };
    }
}
