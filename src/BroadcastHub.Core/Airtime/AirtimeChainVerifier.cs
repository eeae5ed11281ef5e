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
    /// <paramref name="legacyUntilId"/> predate the chain and are counted, not checked; every later record must carry
    /// the previous record's hash and a hash that matches its own fields.
    /// </summary>
    public static AirtimeChainReport Verify(IEnumerable<StoredChainLink> records, long legacyUntilId)
    {
        long count = 0, unchained = 0;
        long? firstBroken = null, lastId = null;
        string? lastHash = null;
        var expectedPrev = AirtimeChain.Genesis;
        foreach (var link in records)
        {
            count++;
            lastId = link.Entry.Id;
            lastHash = link.Hash;
            if (link.Entry.Id <= legacyUntilId)
            {
                unchained++;
                continue;
            }
            if (firstBroken is null && !Holds(link, expectedPrev)) firstBroken = link.Entry.Id;
            expectedPrev = link.Hash ?? "";
        }
        return new AirtimeChainReport(firstBroken is null, count, firstBroken, unchained, lastId, lastHash);
    }

    private static bool Holds(StoredChainLink link, string expectedPrev) =>
        link.PrevHash is { } prev && link.Hash is { } hash
        && string.Equals(prev, expectedPrev, StringComparison.Ordinal)
        && string.Equals(hash, AirtimeChain.Hash(link.Entry, prev), StringComparison.Ordinal);
}
