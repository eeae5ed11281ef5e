using System.Globalization;
using System.Security.Claims;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Features.Playlists;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Services;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>Reads what the commune page's programme panel shows: underfill and jingles, upcoming one-off sessions, bookings in force.</summary>
public sealed class CommuneProgrammePanels(
    CommuneProgrammes programmes, BulletinRepository bulletins, BulletinService library, PlaylistService playlists, SessionRepository sessions,
    BookingRepository bookings, Policies policies, StationClock clock)
{
    /// <summary>At most this many bookings are listed (the newest first).</summary>
    public const int BookingLimit = 50;

    public CommuneProgrammePanel Build(long communeId, ProgrammePost? posted, ClaimsPrincipal user)
    {
        var settings = programmes.Find(communeId);
        var today = clock.Today;
        var all = sessions.List(communeId);
        var jingles = bulletins.FindMany(new[] { settings.IntroBulletinId, settings.OutroBulletinId }.OfType<long>());
        return new CommuneProgrammePanel
        {
            CommuneId = communeId,
            Settings = settings,
            Policy = policies.ForCommune(communeId),
            Approved = library.Bookable(today),
            Playlists = playlists.List(),
            JingleTitles = jingles.ToDictionary(j => j.Key, j => j.Value.Title),
            UpcomingOneOffs = all.Where(s => s.OnlyOn >= today).OrderBy(s => s.OnlyOn).ThenBy(s => s.Start).ToList(),
            Bookings = BookingsInForce(all, today),
            CanSetProgramme = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor),
            CanAddSession = user.IsInRole(Roles.Admin),
            CanEditBookings = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Operator),
            Underfill = posted?.Underfill ?? new UnderfillForm
            {
                Mode = settings.Underfill == UnderfillMode.Evergreen ? "evergreen" : "endEarly", PlaylistId = Id(settings.EvergreenPlaylistId),
            },
            Jingles = posted?.Jingles ?? new JinglesForm { IntroBulletinId = Id(settings.IntroBulletinId), OutroBulletinId = Id(settings.OutroBulletinId) },
            OneOff = posted?.OneOff ?? new OneOffSessionForm { Date = Ui.Date(today.AddDays(1)), Start = "17:00:00", LengthMinutes = "30" },
        };
    }

    private List<CommuneBookingRow> BookingsInForce(IReadOnlyList<SessionSlot> communeSessions, DateOnly today)
    {
        var byId = communeSessions.ToDictionary(s => s.Id);
        var found = communeSessions.SelectMany(s => bookings.ListForSession(s.Id, today, DateOnly.MaxValue))
            .Select(b => (Booking: b, Last: b.CancelledFrom is { } c && c.AddDays(-1) < b.To ? c.AddDays(-1) : b.To))
            .Where(x => x.Last >= today)
            .OrderByDescending(x => x.Booking.Id).Take(BookingLimit).ToList();
        var titles = bulletins.FindMany(found.SelectMany(x => x.Booking.BulletinIds).Distinct());
        return found.Select(x => new CommuneBookingRow(x.Booking, byId[x.Booking.SessionId],
            x.Booking.BulletinIds.Select(i => titles.TryGetValue(i, out var b) ? b.Title : $"#{i}").ToList(), x.Last)).ToList();
    }

    private static string? Id(long? id) => id?.ToString(CultureInfo.InvariantCulture);
}
