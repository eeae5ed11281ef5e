namespace BroadcastHub.Core.Airtime;

/// <summary>What a walk over the airtime chain found.</summary>
/// <param name="Intact">True when every chained record links to the one before it and its hash matches its fields.</param>
/// <param name="Records">Records walked (all of them, including those written before the chain existed).</param>
/// <param name="FirstBrokenId">Id of the first record whose link or hash does not hold; null when intact.</param>
/// <param name="Unchained">Records written before the chain existed (ids up to the chain's origin); they carry no hash.</param>
/// <param name="LastId">Id of the last record walked, or null for an empty log.</param>
/// <param name="LastHash">Hash of the last record: noting it down anchors everything before it.</param>
public sealed record AirtimeChainReport(bool Intact, long Records, long? FirstBrokenId, long Unchained, long? LastId, string? LastHash);
