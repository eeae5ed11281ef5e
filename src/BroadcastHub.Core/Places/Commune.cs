namespace BroadcastHub.Core.Places;

/// <summary>A commune or ward (xã/phường): a leaf of the unit tree that owns loudspeakers.</summary>
public sealed record Commune(long Id, string Name, long? ParentUnitId, long ZoneId);

/// <summary>A cluster of loudspeakers (cụm loa) in a commune.</summary>
public sealed record SpeakerCluster(long Id, long CommuneId, string Name);

/// <summary>An output zone: what one audio output feeds. One per commune for now.</summary>
public sealed record Zone(long Id, long CommuneId, string Name);
