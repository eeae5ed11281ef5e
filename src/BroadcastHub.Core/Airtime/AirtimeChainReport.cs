namespace BroadcastHub.Core.Airtime;

/// <summary>What a walk over the airtime chain found.</summary>
/// <param name="Intact">True when every chained record links to the one before it and its hash matches its fields.</param>
/// <param name="Records">Records walked (all of them, including those written before the chain existed).</param>
/// <param name="FirstBrokenId">Id of the first record whose link or hash does not hold; null when intact.</param>
/// <param name="Unchained">Records written before the chain existed (ids up to the chain's origin); they carry no hash.</param>
/// <param name="LastId">Id of the last record walked, or null for an empty log.</param>
/// <param name="LastHash">Hash of the last record: noting it down anchors everything before it.</param>
public sealed record AirtimeChainReport(bool Intact, long Records, long? FirstBrokenId, long Unchained, long? LastId, string? LastHash)
{
    /// <summary>Why the log is not intact when it is not a broken record: one of the <see cref="AirtimeChainCodes"/>.</summary>
    public string? Problem { get; init; }

    /// <summary>A stable code for the result: <c>intact</c>, <c>record_broken</c> or <see cref="Problem"/>.</summary>
    public string Code => Problem ?? (Intact ? AirtimeChainCodes.Intact : AirtimeChainCodes.RecordBroken);

    /// <summary>The newest signed checkpoint the log was compared with, or null when none was signed yet.</summary>
    public AirtimeCheckpoint? Checkpoint { get; init; }
}

/// <summary>The codes a chain verification answers with.</summary>
public static class AirtimeChainCodes
{
    /// <summary>Every record holds and the log reaches the last signed checkpoint unchanged.</summary>
    public const string Intact = "intact";
    /// <summary>A record's link or hash does not hold (<see cref="AirtimeChainReport.FirstBrokenId"/> says which).</summary>
    public const string RecordBroken = "record_broken";
    /// <summary>The chain's origin was moved: a hashed record lies below it, or it differs from the signed one.</summary>
    public const string OriginMoved = "origin_moved";
    /// <summary>Records after a signed head are gone: the log ends before the last checkpoint's head.</summary>
    public const string TailCut = "tail_cut";
    /// <summary>The record at the signed head is not the one that was signed: history up to it was rewritten.</summary>
    public const string CheckpointMismatch = "checkpoint_mismatch";
    /// <summary>The newest checkpoint's signature does not verify with the station's key.</summary>
    public const string CheckpointSignatureInvalid = "checkpoint_signature_invalid";
}
