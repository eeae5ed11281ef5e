using BroadcastHub.Core.Library;
using BroadcastHub.Core.Places;
using BroadcastHub.Core.Scheduling;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>The booking form: a session, bulletins in order, a local date range.</summary>
public sealed class BookingForm
{
    public const int Slots = 5;
    public long? CommuneId { get; set; }
    public string? SessionId { get; set; }
    public List<string?> BulletinIds { get; set; } = [];
    public string? From { get; set; }
    public string? To { get; set; }
    /// <summary>If it overflows the session: <c>append</c> (default), <c>replace</c> or <c>cancel</c>.</summary>
    public string? OnOverflow { get; set; }
    /// <summary>A relay instead of bulletins (tiếp sóng): the source, and minutes or until the session's end.</summary>
    public string? RelaySourceId { get; set; }
    public int? RelayMinutes { get; set; }
    public bool RelayUntilEnd { get; set; }

    public string? BulletinAt(int index) => index < BulletinIds.Count ? BulletinIds[index] : null;
}

/// <summary>An occurrence with local times and what it will play.</summary>
public sealed record OccurrenceRow(
    Occurrence Occurrence, string Commune, DateTimeOffset StartLocal, DateTimeOffset EndLocal, IReadOnlyList<string> Titles);

/// <summary>Lịch phát: the booking form and the occurrences of the next days.</summary>
public sealed class SchedulePage
{
    public required BookingForm Form { get; init; }
    public required IReadOnlyList<Commune> Communes { get; init; }
    public required IReadOnlyList<SessionSlot> Sessions { get; init; }
    public required IReadOnlyList<Bulletin> Approved { get; init; }
    /// <summary>The relay sources to choose from.</summary>
    public IReadOnlyList<BroadcastHub.Core.Relay.RelaySource> RelaySources { get; init; } = [];
    public required IReadOnlyList<OccurrenceRow> Upcoming { get; init; }
    public int UpcomingDays { get; init; }

    /// <summary>At most this many upcoming occurrences are listed; the week calendar shows them all.</summary>
    public int UpcomingLimit { get; init; }

    /// <summary>After a refused repeat: the booking in force it repeats, offered to open.</summary>
    public long? DuplicateOf { get; set; }

    public string CommuneName(long id) => Communes.FirstOrDefault(c => c.Id == id)?.Name ?? $"#{id}";
}

/// <summary>What a booking planned straight away.</summary>
public sealed record BookedPage(
    long BookingId, string Commune, SessionSlot Session, IReadOnlyList<string> Titles, string From, string To,
    IReadOnlyList<OccurrenceRow> Occurrences, int OverflowCount = 0, IReadOnlyList<Displacement>? Replaced = null)
{
    /// <summary>From this date on the booking is cancelled.</summary>
    public DateOnly? CancelledFrom { get; init; }

    /// <summary>The booking's commune.</summary>
    public long CommuneId { get; init; }

    /// <summary>The first date a change (edit or cancellation) can still touch.</summary>
    public DateOnly Cutover { get; init; }
}

/// <summary>What the emergency form posts.</summary>
public sealed class EmergencyForm
{
    public List<long> CommuneIds { get; set; } = [];
    public long? BulletinId { get; set; }
    public bool Confirmed { get; set; }
}

/// <summary>The emergency page: the form, the communes and the approved bulletins to choose from.</summary>
public sealed record EmergencyPage(EmergencyForm Form, IReadOnlyList<BroadcastHub.Core.Places.Commune> Communes,
    IReadOnlyList<BroadcastHub.Core.Library.Bulletin> Bulletins);
