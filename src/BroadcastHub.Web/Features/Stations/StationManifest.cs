namespace BroadcastHub.Web.Features.Stations;

/// <summary>
/// What a station agent needs to air its zones offline for the next days (<c>GET /api/station/manifest</c>); <c>evergreen</c>:
/// its communes' evergreen playlists, which fill a relay while its stream is away.
/// </summary>
public sealed record StationManifest(long StationId, string TimeZone, string Version, DateTimeOffset GeneratedAt, DateTimeOffset HubTime,
    DateTimeOffset From, DateTimeOffset Until, int Days, int GraceSeconds, IReadOnlyList<ManifestZone> Zones,
    IReadOnlyList<ManifestOccurrence> Occurrences, IReadOnlyList<ManifestRelaySource>? RelaySources = null,
    IReadOnlyList<ManifestEvergreen>? Evergreen = null);

/// <summary>A live stream that a relay item of the manifest airs (the station opens it itself at air time).</summary>
public sealed record ManifestRelaySource(long Id, string Name, string Url);

/// <summary>A relay item's source and booked seconds (null = until the session's end; the item's duration says how long that is).</summary>
public sealed record ManifestRelay(long SourceId, double? Seconds);

/// <summary>A zone the station plays, with its commune and the broadcast policy in force there.</summary>
public sealed record ManifestZone(long ZoneId, long CommuneId, string CommuneName, ManifestPolicy Policy);

/// <summary>A broadcast policy: allowed local hours, ISO weekdays (1 = Monday) and session limits.</summary>
public sealed record ManifestPolicy(string AllowedFrom, string AllowedTo, IReadOnlyList<int> Weekdays, int MaxSessionMinutes, int MaxSessionsPerDay);

/// <summary>A planned occurrence of a session (or an emergency) with its rundown.</summary>
public sealed record ManifestOccurrence(long Id, long ZoneId, long CommuneId, long? SessionId, string LocalDate, DateTimeOffset Start,
    DateTimeOffset End, string State, IReadOnlyList<ManifestItem> Items);

/// <summary>
/// One rundown item: the media to air by SHA-256 with its size (the decoded WAV house copy for a bulletin whose original
/// needs ffmpeg, so a station never needs it; airtime still names the bulletin, whose proof is the original's hash), exact duration and loudness analysis (gain is computed on the
/// station from these), its planned start offset, and <c>fill</c> (<c>underfill</c>, <c>intro</c>, <c>outro</c>) for
/// programme fills and jingles. <c>frames</c>/<c>sampleRate</c> give the duration exactly and <c>channels</c> the layout the
/// loudness was measured in, so the station's engine times and matches the item as the hub's would. A relay item has
/// <c>relay</c> set, <c>bulletinId</c> 0, no media (empty <c>sha256</c>) and its planned length as <c>durationSeconds</c>.
/// </summary>
public sealed record ManifestItem(int Position, long BulletinId, string Title, string Sha256, long Bytes, double DurationSeconds,
    double IntegratedLufs, double TruePeakDbtp, double OffsetSeconds, DateTimeOffset PlannedStart, double? NotBeforeSeconds,
    long? BookingId, string? Fill, long Frames, int SampleRate, int Channels, ManifestRelay? Relay = null);
