using System.Globalization;
using System.Text;

namespace BroadcastHub.Core.Airtime;

/// <summary>
/// A signed statement of the chain's head at one moment: the last record's id and hash and the chain's origin. Kept
/// in the database, signed with a key that is not (docs/airtime-chain.md, "Checkpoints").
/// </summary>
/// <param name="Id">Checkpoint number.</param>
/// <param name="HeadId">Id of the last record when it was signed (0 for an empty log).</param>
/// <param name="HeadHash">That record's hash (the genesis value for an empty log).</param>
/// <param name="LegacyUntilId">The chain's origin: records up to this id predate the chain.</param>
/// <param name="SignedAt">Stored text of the UTC instant it was signed.</param>
/// <param name="KeyId">First 16 hex digits of SHA-256 over the public key (SubjectPublicKeyInfo) that signed it.</param>
/// <param name="Signature">ECDSA P-256 / SHA-256 signature over <see cref="Payload"/>, IEEE P1363 (r‖s), lower-case hex.</param>
public sealed record AirtimeCheckpoint(long Id, long HeadId, string HeadHash, long LegacyUntilId, string SignedAt, string KeyId, string Signature)
{
    /// <summary>First line of the signed text.</summary>
    public const string FormVersion = "bh-airtime-checkpoint-v1";

    /// <summary>The signed text (UTF-8, LF line ends): the form line and <c>name=value</c> lines.</summary>
    public string Payload => Text(HeadId, HeadHash, LegacyUntilId, SignedAt);

    /// <summary>The signed text of a head.</summary>
    public static string Text(long headId, string headHash, long legacyUntilId, string signedAt) =>
        new StringBuilder(FormVersion).Append('\n')
            .Append("head_id=").Append(headId.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("head_hash=").Append(headHash).Append('\n')
            .Append("legacy_until_id=").Append(legacyUntilId.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("signed_at=").Append(signedAt).Append('\n')
            .ToString();
}
