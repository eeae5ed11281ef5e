namespace BroadcastHub.Core.Airtime;

/// <summary>One item of one occurrence as it really aired (or did not). Append-only.</summary>
public sealed record AirtimeRecord
{
    /// <summary>Database id.</summary>
    public long Id { get; init; }
    /// <summary>The occurrence this item belongs to.</summary>
    public long OccurrenceId { get; init; }
    /// <summary>Position of the item in the rundown (0-based).</summary>
    public int Position { get; init; }
    /// <summary>The bulletin; 0 for a relay (NULL in the database).</summary>
    public long BulletinId { get; init; }
    /// <summary>The relay source, for a relay item; else null.</summary>
    public long? RelaySourceId { get; init; }
    /// <summary>For a relay: seconds of the item during which the stream was not there (the fill aired).</summary>
    public double? OutageSeconds { get; init; }
    /// <summary>For a relay: how many times the stream went away while the item aired.</summary>
    public int? Outages { get; init; }
    /// <summary>For a relay: the recording of what aired, relative to the data folder; null when none was made.</summary>
    public string? RecordingPath { get; init; }
    /// <summary>True for a relay item's record.</summary>
    public bool IsRelay => RelaySourceId is not null;
    /// <summary>Commune that the occurrence belongs to.</summary>
    public long CommuneId { get; init; }
    /// <summary>When this item was planned to start (UTC).</summary>
    public DateTimeOffset ScheduledStart { get; init; }
    /// <summary>When its first sample aired (UTC), if it aired.</summary>
    public DateTimeOffset? ActualStart { get; init; }
    /// <summary>When its last sample aired (UTC), if it aired.</summary>
    public DateTimeOffset? ActualEnd { get; init; }
    /// <summary>Seconds of audio that aired, counted in samples.</summary>
    public double PlayedSeconds { get; init; }
    /// <summary>Outcome.</summary>
    public AirtimeOutcome Outcome { get; init; }
    /// <summary>Why it failed or was skipped.</summary>
    public string? Error { get; init; }
    /// <summary>When the record was written (UTC).</summary>
    public DateTimeOffset RecordedAt { get; init; }
    /// <summary>Hash of the record before it in the airtime chain (null for records older than the chain, and before it is stored).</summary>
    public string? PrevHash { get; init; }
    /// <summary>This record's chain hash (null for records older than the chain, and before it is stored).</summary>
    public string? Hash { get; init; }
}
