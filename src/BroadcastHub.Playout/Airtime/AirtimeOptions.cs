namespace BroadcastHub.Playout;

/// <summary>The <c>BroadcastHub:Airtime</c> section: checkpoints of the airtime chain, write retries and recordings kept.</summary>
public sealed class AirtimeOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "BroadcastHub:Airtime";

    /// <summary>A checkpoint of the chain's head is signed after this many new records…</summary>
    public int CheckpointEveryRecords { get; set; } = 50;

    /// <summary>…or this many minutes after the last one when any record was added since.</summary>
    public int CheckpointEveryMinutes { get; set; } = 60;

    /// <summary>Longest wait between two attempts to write airtime the database refused (locked, disk full).</summary>
    public int WriteRetryMaxSeconds { get; set; } = 60;

    /// <summary>Recordings under the data folder's <c>air/</c> older than this many days are deleted; 0 keeps them all.</summary>
    public int RecordingRetentionDays { get; set; } = 90;
}
