namespace BroadcastHub.Core.Airtime;

/// <summary>One stored record as the chain walk reads it: its fields and the links stored beside them.</summary>
/// <param name="Entry">The stored fields.</param>
/// <param name="PrevHash">Stored previous hash (null for records older than the chain).</param>
/// <param name="Hash">Stored hash (null for records older than the chain).</param>
public sealed record StoredChainLink(AirtimeChainEntry Entry, string? PrevHash, string? Hash);

/// <summary>Walks the airtime records in id order and checks every link, streaming (one record in memory at a time).</summary>
public static class AirtimeChainVerifier
{
    /// <summary>
    /// Verifies <paramref name="records"/> (in ascending id order). Records with an id up to
    /// <paramref name="legacyUntilId"/> predate the chain and are counted, not checked — but one that carries a hash
    /// shows the origin was moved. Every later record must carry the previous record's hash and a hash that matches
    /// its own fields, in a form no older than the record before it. With a (signature-checked)
    /// <paramref name="checkpoint"/>, the log must also reach its head with the hash that was signed.
    /// </summary>
    public static AirtimeChainReport Verify(IEnumerable<StoredChainLink> records, long legacyUntilId, AirtimeCheckpoint? checkpoint = null)
    {
        long count = 0, unchained = 0;
        long? firstBroken = null, lastId = null;
        string? lastHash = null, problem = null, hashAtHead = null;
        var expectedPrev = AirtimeChain.Genesis;
        var form = 1;
        foreach (var link in records)
        {
            count++;
            lastId = link.Entry.Id;
            lastHash = link.Hash;
            if (checkpoint is not null && link.Entry.Id == checkpoint.HeadId) hashAtHead = link.Hash;
            if (link.Entry.Id <= legacyUntilId)
            {
                unchained++;
                if (firstBroken is null && (link.Hash is not null || link.PrevHash is not null))
                    (firstBroken, problem) = (link.Entry.Id, AirtimeChainCodes.OriginMoved);
                continue;
            }
            if (firstBroken is null && (link.Entry.Generation < form || !Holds(link, expectedPrev))) firstBroken = link.Entry.Id;
            form = Math.Max(form, link.Entry.Generation);
            expectedPrev = link.Hash ?? "";
        }
        problem ??= firstBroken is null && checkpoint is not null ? AgainstCheckpoint(checkpoint, legacyUntilId, lastId, hashAtHead) : null;
        return new AirtimeChainReport(firstBroken is null && problem is null, count, firstBroken, unchained, lastId, lastHash)
        {
            Problem = problem, Checkpoint = checkpoint,
        };
    }

    private static string? AgainstCheckpoint(AirtimeCheckpoint checkpoint, long legacyUntilId, long? lastId, string? hashAtHead)
    {
        if (checkpoint.LegacyUntilId != legacyUntilId) return AirtimeChainCodes.OriginMoved;
        if ((lastId ?? 0) < checkpoint.HeadId) return AirtimeChainCodes.TailCut;
        return checkpoint.HeadId <= legacyUntilId || string.Equals(hashAtHead, checkpoint.HeadHash, StringComparison.Ordinal) ? null : AirtimeChainCodes.CheckpointMismatch;
    }

    private static bool Holds(StoredChainLink link, string expectedPrev) =>
        link.PrevHash is { } prev && link.Hash is { } hash
        && string.Equals(prev, expectedPrev, StringComparison.Ordinal)
        && string.Equals(hash, AirtimeChain.Hash(link.Entry, prev), StringComparison.Ordinal);
}
