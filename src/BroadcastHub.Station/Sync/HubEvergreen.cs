namespace BroadcastHub.Station.Sync;

/// <summary>A commune's evergreen playlist in the manifest: what fills a relay while its stream is away.</summary>
public sealed record HubEvergreen(long CommuneId, IReadOnlyList<HubEvergreenItem> Items);

/// <summary>One evergreen bulletin: media by SHA-256, loudness analysis, exact length and the local dates it may air (null: open).</summary>
public sealed record HubEvergreenItem(long BulletinId, string Title, string Sha256, long Bytes, double DurationSeconds, double IntegratedLufs,
    double TruePeakDbtp, long Frames, int SampleRate, int Channels, string? ValidFrom, string? ValidUntil);
