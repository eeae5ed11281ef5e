using BroadcastHub.Core.Library;
using BroadcastHub.Core.Playlists;
using BroadcastHub.Core.Policies;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure.Localisation;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>The underfill form: <c>endEarly</c> or <c>evergreen</c> with a playlist.</summary>
public sealed class UnderfillForm
{
    public string? Mode { get; set; }
    public string? PlaylistId { get; set; }
}

/// <summary>The jingles form: intro and outro bulletin ids (empty = none).</summary>
public sealed class JinglesForm
{
    public string? IntroBulletinId { get; set; }
    public string? OutroBulletinId { get; set; }
}

/// <summary>A one-off session: a local date, a start, a length.</summary>
public sealed class OneOffSessionForm
{
    public string? Date { get; set; }
    public string? Start { get; set; }
    public string? LengthMinutes { get; set; }
}

/// <summary>What one of the programme forms posted, to show again beside its refusal.</summary>
public sealed record ProgrammePost(UnderfillForm? Underfill = null, JinglesForm? Jingles = null, OneOffSessionForm? OneOff = null);

/// <summary>A booking still in force (today or later) with its session and titles, for the commune page.</summary>
public sealed record CommuneBookingRow(Booking Booking, SessionSlot Session, IReadOnlyList<string> Titles, DateOnly LastDate);

/// <summary>The commune page's programme panel: settings, one-off sessions, bookings in force, and the forms.</summary>
public sealed class CommuneProgrammePanel
{
    public required long CommuneId { get; init; }
    public required CommuneProgrammeSettings Settings { get; init; }
    /// <summary>The broadcast policy in force for the commune (nearest unit's, else the station default).</summary>
    public required BroadcastPolicy Policy { get; init; }
    public required IReadOnlyList<Bulletin> Approved { get; init; }
    public required IReadOnlyList<PlaylistSummary> Playlists { get; init; }
    /// <summary>Titles of the current jingles (also when they are no longer approved).</summary>
    public required IReadOnlyDictionary<long, string> JingleTitles { get; init; }
    public required IReadOnlyList<SessionSlot> UpcomingOneOffs { get; init; }
    public required IReadOnlyList<CommuneBookingRow> Bookings { get; init; }
    public bool CanSetProgramme { get; init; }
    public bool CanAddSession { get; init; }
    public bool CanEditBookings { get; init; }
    public required UnderfillForm Underfill { get; init; }
    public required JinglesForm Jingles { get; init; }
    public required OneOffSessionForm OneOff { get; init; }

    public string JingleTitle(long? id) => id is { } i ? JingleTitles.GetValueOrDefault(i, $"#{i}") : Msg.Get("None");

    public string PlaylistName(long? id) => id is { } i ? Playlists.FirstOrDefault(p => p.Id == i)?.Name ?? $"#{i}" : "—";
}
