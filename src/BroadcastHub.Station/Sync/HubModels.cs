namespace BroadcastHub.Station.Sync;

/// <summary>The hub's <c>GET /api/station/manifest</c> answer, as far as the agent reads it.</summary>
public sealed record HubManifest(long StationId, string TimeZone, string Version, DateTimeOffset HubTime, DateTimeOffset From,
    DateTimeOffset Until, int Days, int GraceSeconds, IReadOnlyList<HubZone> Zones, IReadOnlyList<HubOccurrence> Occurrences,
    IReadOnlyList<HubRelaySource>? RelaySources = null, IReadOnlyList<HubEvergreen>? Evergreen = null);

/// <summary>A live stream a relay item airs.</summary>
public sealed record HubRelaySource(long Id, string Name, string Url);

/// <summary>A relay item's source and booked seconds (null = until the session's end).</summary>
public sealed record HubRelay(long SourceId, double? Seconds);

/// <summary>A zone of the station with its broadcast policy.</summary>
public sealed record HubZone(long ZoneId, long CommuneId, string CommuneName, HubPolicy Policy);

/// <summary>A broadcast policy: allowed local hours, ISO weekdays and session limits.</summary>
public sealed record HubPolicy(string AllowedFrom, string AllowedTo, IReadOnlyList<int> Weekdays, int MaxSessionMinutes, int MaxSessionsPerDay);

/// <summary>A planned occurrence and its rundown.</summary>
public sealed record HubOccurrence(long Id, long ZoneId, long CommuneId, long? SessionId, string LocalDate, DateTimeOffset Start,
    DateTimeOffset End, string State, IReadOnlyList<HubItem> Items);

/// <summary>One rundown item: media by SHA-256, loudness data and planned start; <c>Frames</c>/<c>SampleRate</c> give the
/// exact duration and <c>Channels</c> the measured layout (0 from a hub that does not send them). A relay item has
/// <c>Relay</c> set and no media.</summary>
public sealed record HubItem(int Position, long BulletinId, string Title, string Sha256, long Bytes, double DurationSeconds,
    double IntegratedLufs, double TruePeakDbtp, double OffsetSeconds, DateTimeOffset PlannedStart, double? NotBeforeSeconds,
    long? BookingId, string? Fill, long Frames = 0, int SampleRate = 0, int Channels = 0, HubRelay? Relay = null);

/// <summary>One airtime record as <c>POST /api/station/airtime</c> takes it; what the playout puts in the outbox.</summary>
public sealed record OutboxRecord(long OccurrenceId, int Position, long BulletinId, string Outcome, DateTimeOffset ScheduledStart,
    DateTimeOffset? ActualStart, DateTimeOffset? ActualEnd, double PlayedSeconds, string? Error, DateTimeOffset RecordedAt,
    long? RelaySourceId = null, double? OutageSeconds = null, int? Outages = null, string? RecordingPath = null);
