namespace BroadcastHub.Core.Scheduling;

/// <summary>What a relay item (or a relay booking) airs: a live source, for a booked length.</summary>
/// <param name="SourceId">The relay source.</param>
/// <param name="Seconds">Booked length; null = until the session's end.</param>
public sealed record RelayRundown(long SourceId, double? Seconds);
