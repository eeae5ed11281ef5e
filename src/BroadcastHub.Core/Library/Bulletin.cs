namespace BroadcastHub.Core.Library;

/// <summary>An uploaded audio bulletin (bản tin) with its measured properties and approval state.</summary>
public sealed record Bulletin
{
    /// <summary>Database id.</summary>
    public long Id { get; init; }
    /// <summary>Title shown to operators.</summary>
    public required string Title { get; init; }
    /// <summary>Language tag of the speech, e.g. <c>vi</c>.</summary>
    public string Language { get; init; } = "vi";
    /// <summary>The uploader's file name: metadata only, never a path.</summary>
    public required string OriginalFileName { get; init; }
    /// <summary>SHA-256 of the original file, lowercase hex; also its storage key.</summary>
    public required string Sha256 { get; init; }
    /// <summary>Size of the original in bytes.</summary>
    public long SizeBytes { get; init; }
    /// <summary>Codec of the original, e.g. <c>mp3</c>.</summary>
    public required string Codec { get; init; }
    /// <summary>Exact decoded length in sample frames.</summary>
    public long Frames { get; init; }
    /// <summary>Sample rate of the original.</summary>
    public int SampleRate { get; init; }
    /// <summary>Channel count of the original.</summary>
    public int Channels { get; init; }
    /// <summary>Integrated loudness, LUFS (BS.1770).</summary>
    public double IntegratedLufs { get; init; }
    /// <summary>True peak, dBTP.</summary>
    public double TruePeakDbtp { get; init; }
    /// <summary>Approval state.</summary>
    public BulletinStatus Status { get; init; }
    /// <summary>Why a supervisor rejected it.</summary>
    public string? RejectionReason { get; init; }
    /// <summary>First local date it may air (inclusive), if limited.</summary>
    public DateOnly? ValidFrom { get; init; }
    /// <summary>Last local date it may air (inclusive), if limited.</summary>
    public DateOnly? ValidUntil { get; init; }
    /// <summary>When it was uploaded (UTC).</summary>
    public DateTimeOffset UploadedAt { get; init; }
    /// <summary>Who uploaded it.</summary>
    public string UploadedBy { get; init; } = "";
    /// <summary>The unit that owns it (the uploader's); null when it belongs to the whole organisation.</summary>
    public long? OwnerUnitId { get; init; }
    /// <summary>Who approved or rejected it.</summary>
    public string? ReviewedBy { get; init; }
    /// <summary>When it was approved or rejected (UTC).</summary>
    public DateTimeOffset? ReviewedAt { get; init; }

    /// <summary>SHA-256 of the decoded WAV house copy when the original needs ffmpeg (AAC, Opus, FLAC, AMR…), else null.</summary>
    public string? HouseSha256 { get; init; }
    /// <summary>Size of the house copy in bytes, when there is one.</summary>
    public long? HouseSizeBytes { get; init; }
    /// <summary>How the bulletin was made: <c>upload</c>, <c>recording</c> (the browser's microphone) or <c>tts</c>.</summary>
    public string SourceKind { get; init; } = BulletinSources.Upload;
    /// <summary>The text read out by text to speech, shown to the reviewer; null for recorded audio.</summary>
    public string? SpokenText { get; init; }

    /// <summary>The stored file playout airs: the house copy when there is one, else the original.</summary>
    public string PlayoutSha256 => HouseSha256 ?? Sha256;
    /// <summary>Size of the file playout airs.</summary>
    public long PlayoutSizeBytes => HouseSizeBytes ?? SizeBytes;

    /// <summary>Exact duration of the decoded audio.</summary>
    public double DurationSeconds => SampleRate == 0 ? 0 : (double)Frames / SampleRate;

    /// <summary>True when it is approved and valid on <paramref name="localDate"/>.</summary>
    public bool IsAirableOn(DateOnly localDate) =>
        Status == BulletinStatus.Approved
        && (ValidFrom is null || localDate >= ValidFrom)
        && (ValidUntil is null || localDate <= ValidUntil);
}
