using BroadcastHub.Core.Airtime;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Web.Features.Airtime;

/// <summary>The signed chain head an export carries, so the file anchors the log it came from.</summary>
/// <param name="Checkpoint">The checkpoint signed at export (or the newest one when the log no longer extends it).</param>
/// <param name="PublicKey">The signing key's public half, SubjectPublicKeyInfo DER in Base64.</param>
public sealed record AirtimeChainStamp(AirtimeCheckpoint Checkpoint, string PublicKey)
{
    /// <summary>Signs the head now (a checkpoint at each export) and stamps it.</summary>
    public static AirtimeChainStamp Take(AirtimeCheckpoints checkpoints) =>
        new(checkpoints.Sign(), string.Concat(checkpoints.Key.PublicKeyPem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))).Trim());

    /// <summary>The stamp as name/value pairs, in the order an export shows them.</summary>
    public IReadOnlyList<(string Name, string Value)> Fields =>
    [
        ("form", AirtimeCheckpoint.FormVersion), ("headId", Checkpoint.HeadId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("headHash", Checkpoint.HeadHash), ("legacyUntilId", Checkpoint.LegacyUntilId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("signedAt", Checkpoint.SignedAt), ("keyId", Checkpoint.KeyId), ("signature", Checkpoint.Signature), ("publicKey", PublicKey),
    ];

    /// <summary>The stamp as CSV trailer lines: <c>#chain,name,value</c>.</summary>
    public IEnumerable<string> CsvLines => Fields.Select(f => $"#chain,{f.Name},{f.Value}");
}
