using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Core.Calendar;

/// <summary>A calendar to publish as RFC 5545 iCalendar: its name, time zone and events.</summary>
/// <param name="Name">Display name (<c>X-WR-CALNAME</c>).</param>
/// <param name="Zone">Time zone of the wall-clock times (<c>VTIMEZONE</c>, <c>TZID</c>).</param>
/// <param name="Stamp">When the feed was produced (<c>DTSTAMP</c> of every event).</param>
/// <param name="Events">The events, in the order they are written.</param>
public sealed record CalendarFeed(string Name, TimeZoneInfo Zone, DateTimeOffset Stamp, IReadOnlyList<CalendarEvent> Events)
{
    /// <summary>The producer identifier (<c>PRODID</c>).</summary>
    public string ProductId { get; init; } = "-//BroadcastHub//Lich phat//VI";
}

/// <summary>One event of a <see cref="CalendarFeed"/>.</summary>
/// <param name="Uid">Globally unique and stable id, e.g. <c>occ-42@broadcasthub</c>.</param>
/// <param name="StartUtc">Start instant.</param>
/// <param name="EndUtc">End instant.</param>
/// <param name="Summary">Title line.</param>
public sealed record CalendarEvent(string Uid, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string Summary)
{
    /// <summary>Free text; line breaks are kept.</summary>
    public string? Description { get; init; }

    /// <summary>Where it happens.</summary>
    public string? Location { get; init; }

    /// <summary>Confirmed or cancelled.</summary>
    public CalendarEventStatus Status { get; init; } = CalendarEventStatus.Confirmed;

    /// <summary>When set, the event repeats weekly on these days (<c>RRULE:FREQ=WEEKLY;BYDAY=…</c>).</summary>
    public IsoWeekdays? WeeklyOn { get; init; }

    /// <summary>True for events that should not block time in the reader's calendar (<c>TRANSP:TRANSPARENT</c>).</summary>
    public bool Transparent { get; init; }
}

/// <summary>The iCalendar <c>STATUS</c> of an event.</summary>
public enum CalendarEventStatus
{
    /// <summary><c>CONFIRMED</c>.</summary>
    Confirmed,
    /// <summary><c>CANCELLED</c>.</summary>
    Cancelled,
}
