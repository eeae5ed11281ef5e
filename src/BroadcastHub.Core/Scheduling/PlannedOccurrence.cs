namespace BroadcastHub.Core.Scheduling;

/// <summary>An occurrence the planner wants to exist, with its rundown, before it has a database id.</summary>
public sealed record PlannedOccurrence(
    long SessionId, DateOnly LocalDate, DateTimeOffset StartUtc, DateTimeOffset EndUtc,
    IReadOnlyList<(long BulletinId, long BookingId)> Items);
