namespace BroadcastHub.Core.Scheduling;

/// <summary>One dated instance of a session, with its instants in UTC.</summary>
public sealed record Occurrence(
    long Id, long SessionId, long CommuneId, long ZoneId, DateOnly LocalDate,
    DateTimeOffset StartUtc, DateTimeOffset EndUtc, OccurrenceState State);

/// <summary>Life of an occurrence on the station.</summary>
public enum OccurrenceState
{
    /// <summary>Planned; not yet handed to the engine.</summary>
    Planned,
    /// <summary>Airing or aired; its airtime records say how it went.</summary>
    Claimed,
    /// <summary>Its time passed without airing.</summary>
    Missed,
    /// <summary>Cancelled by an operator.</summary>
    Cancelled,
}

/// <summary>One item of an occurrence's rundown (the ordered list of what plays).</summary>
public sealed record RundownItem(long OccurrenceId, int Position, long BulletinId, long BookingId);
