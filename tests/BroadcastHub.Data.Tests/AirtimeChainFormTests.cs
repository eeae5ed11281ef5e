using System.Security.Cryptography;
using System.Text;
using BroadcastHub.Core.Airtime;

namespace BroadcastHub.Data.Tests;

/// <summary>The canonical form documented in docs/airtime-chain.md, and the walk's treatment of records older than the chain.</summary>
public sealed class AirtimeChainFormTests
{
    [Fact]
    public void The_canonical_form_is_the_documented_one()
    {
        var entry = new AirtimeChainEntry(7, 42, 0, 3, "2026-11-27T22:30:00.0000000Z", "2026-11-27T22:30:00.0012345Z",
            "2026-11-27T22:31:00.0012345Z", 60, "Completed", "Bản tin", "2026-11-27T22:31:00.5000000Z");
        const string expected =
            "bh-airtime-chain-v1\nid=1:7\noccurrence_id=2:42\nposition=1:0\nbulletin_id=1:3\n" +
            "scheduled_start=28:2026-11-27T22:30:00.0000000Z\nactual_start=28:2026-11-27T22:30:00.0012345Z\n" +
            "actual_end=28:2026-11-27T22:31:00.0012345Z\nplayed_seconds=16:404e000000000000\noutcome=9:Completed\n" +
            "error=9:Bản tin\nrecorded_at=28:2026-11-27T22:31:00.5000000Z\n" +
            "prev_hash=64:0000000000000000000000000000000000000000000000000000000000000000\n";
        Assert.Equal(expected, AirtimeChain.Canonical(entry, AirtimeChain.Genesis));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expected))), AirtimeChain.Hash(entry, AirtimeChain.Genesis));
        Assert.Equal("d5bcbc7e3376bfe43bd0ff350ab70013bdb8be203ca498a863fde081cace55ae", AirtimeChain.Hash(entry, AirtimeChain.Genesis));
        Assert.Equal("actual_start=-\n", AirtimeChain.Canonical(entry with { ActualStart = null }, AirtimeChain.Genesis).Split('\n')[6] + "\n");
        Assert.Equal(AirtimeChain.Hash(entry with { PlayedSeconds = 0 }, AirtimeChain.Genesis), AirtimeChain.Hash(entry with { PlayedSeconds = -0.0 }, AirtimeChain.Genesis));
    }

    [Theory]
    [InlineData(null, 0.0)]
    [InlineData("", 1e-300)]
    [InlineData("Lỗi thiết bị 🔊 \"x\"\n-", 12.345)]
    [InlineData("long", double.MaxValue)]
    public void The_hash_is_sha256_of_the_canonical_text_whatever_the_fields(string? error, double played)
    {
        var text = error == "long" ? string.Concat(Enumerable.Repeat("Bản tin quá dài ", 400)) : error;
        var entry = new AirtimeChainEntry(long.MaxValue, 1, -1, 0, "s", null, "é", played, "Failed", text, "r");
        var prev = new string('f', 64);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AirtimeChain.Canonical(entry, prev)))), AirtimeChain.Hash(entry, prev));
    }

    [Fact]
    public void Records_older_than_the_chain_are_counted_but_the_chain_starts_after_them()
    {
        var chained = new AirtimeChainEntry(3, 1, 0, 1, "s", null, null, 0, "Missed", null, "r");
        var hash = AirtimeChain.Hash(chained, AirtimeChain.Genesis);
        StoredChainLink Legacy(long id) => new(chained with { Id = id }, null, null);

        var report = AirtimeChainVerifier.Verify([Legacy(1), Legacy(2), new(chained, AirtimeChain.Genesis, hash)], legacyUntilId: 2);
        Assert.Equal(new AirtimeChainReport(true, 3, null, 2, 3, hash), report);
        Assert.Equal(3, AirtimeChainVerifier.Verify([Legacy(1), Legacy(2), new(chained, null, null)], legacyUntilId: 2).FirstBrokenId);
    }
}
