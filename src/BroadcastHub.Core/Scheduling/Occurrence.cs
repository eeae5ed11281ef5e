namespace BroadcastHub.Core.Scheduling;

/// <summary>One dated instance of a session (or an emergency airing, which has no session), with its instants in UTC.</summary>
public sealed record Occurrence(
    long Id, long? SessionId, long CommuneId, long ZoneId, DateOnly LocalDate,
    DateTimeOffset StartUtc, DateTimeOffset EndUtc, OccurrenceState State)
{
    /// <summary>True for an emergency airing (phát ngay): it preempts and may air outside the policy's hours.</summary>
    public bool IsEmergency => SessionId is null;
}

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
/// <param name="OccurrenceId">The occurrence.</param>
/// <param name="Position">0-based position.</param>
/// <param name="BulletinId">What plays (0 for a relay item).</param>
/// <param name="BookingId">The booking that put it there (null for emergencies).</param>
/// <param name="NotBeforeSeconds">For repeats: the earliest offset from the start it may begin at; silence fills the wait.</param>
/// <param name="Fill">Why the commune's programme added it (null for booked and emergency items).</param>
/// <param name="Relay">For a relay item: the live source and booked length (then <paramref name="BulletinId"/> is 0).</param>
public sealed record RundownItem(long OccurrenceId, int Position, long BulletinId, long? BookingId, double? NotBeforeSeconds = null, RundownFill? Fill = null,
    RelayRundown? Relay = null)
{
    /// <summary>True when the item relays a live source instead of playing a bulletin.</summary>
    public bool IsRelay => Relay is not null;
}

/// <summary>Why an item that no booking asked for is in a session's rundown.</summary>
public enum RundownFill
{
    /// <summary>The commune's intro jingle, first in every session.</summary>
    Intro,
    /// <summary>From the commune's evergreen playlist, topping up an under-filled session.</summary>
    Evergreen,
    /// <summary>The commune's outro jingle, last in every session.</summary>
    Outro,
}
