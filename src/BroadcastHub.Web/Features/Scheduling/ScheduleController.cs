using System.Globalization;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Localisation;
using BroadcastHub.Web.Infrastructure.Mvc;
using BroadcastHub.Web.Infrastructure.Scope;
using BroadcastHub.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>Lịch phát: book approved bulletins into a session, see the next days' occurrences.</summary>
[Route("schedule")]
public sealed class ScheduleController(
    BookingService booking, BulletinService library, UserScope scope, SessionRepository sessions, BulletinRepository bulletins,
    OccurrenceRepository occurrences, AppDatabase db, StationClock clock) : PageController
{
    private const int UpcomingDays = 7;
    private const int UpcomingLimit = 100;

    [HttpGet("")]
    public IActionResult Index(long? communeId, long? sessionId = null, string? from = null, string? to = null)
    {
        var today = Ui.Date(clock.Today);
        if (communeId is { } id && !scope.CoversCommune(id))
        {
            Refused(ScopeRefusals.CommuneNotFound(id));
            communeId = null;
        }
        return View(Page(new BookingForm
        {
            CommuneId = communeId, SessionId = sessionId?.ToString(CultureInfo.InvariantCulture),
            From = from ?? today, To = to ?? from ?? Ui.Date(clock.Today.AddDays(6)),
        }));
    }

    [HttpPost("book")]
    [Authorize(Roles = Staff)]
    public IActionResult Book(BookingForm form)
    {
        try
        {
            if (!long.TryParse(form.SessionId, NumberStyles.None, CultureInfo.InvariantCulture, out var sessionId))
                throw AppException.BadRequest("session_required", Text.Pick("Hãy chọn khung giờ phát.", "Choose a session."));
            var ids = new List<long>();
            foreach (var text in form.BulletinIds.Where(t => !string.IsNullOrWhiteSpace(t)))
                ids.Add(long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
                    : throw AppException.BadRequest("bulletin_not_found", Text.Pick($"Không có bản tin \"{text}\".", $"There is no bulletin \"{text}\".")));
            var result = booking.Book(new BookingRequest(sessionId, ids, form.From?.Trim(), form.To?.Trim(), OnOverflow: form.OnOverflow), UserName);
            var b = result.Booking;
            var message = Text.Pick($"Đã đặt lịch phát: lịch số {b.Id}, {b.From:dd/MM/yyyy} – {b.To:dd/MM/yyyy}.", $"Booked: booking {b.Id}, {Ui.Date(b.From)} – {Ui.Date(b.To)}.");
            foreach (var d in result.Displaced ?? [])
                message += Text.Pick($" Đã thay thế lịch số {d.BookingId} từ ngày {d.From:dd/MM/yyyy}.", $" Replaced booking {d.BookingId} from {Ui.Date(d.From)}.");
            Flash(message);
            return Redirect($"/schedule/bookings/{b.Id.ToString(CultureInfo.InvariantCulture)}");
        }
        catch (DuplicateBookingException e)
        {
            ModelState.AddModelError("", e.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
            var page = Page(form);
            page.DuplicateOf = e.ExistingId;
            return View(nameof(Index), page);
        }
        catch (AppException e)
        {
            Refused(e);
            return View(nameof(Index), Page(form));
        }
    }

    private SchedulePage Page(BookingForm form)
    {
        var all = sessions.List().Where(s => scope.CoversCommune(s.CommuneId) && !BookingGuards.HasPassed(s, clock)).ToList();
        var now = clock.UtcNow;
        var minute = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        // The list of the coming week is the same for every whole-organisation user until the data changes or the
        // minute turns; a user of a unit gets its communes' own list.
        var upcoming = scope.IsWhole
            ? db.Cache.Get("schedule-upcoming", () =>
                Rows(occurrences.ListStarting(minute.AddHours(-1), minute.AddDays(UpcomingDays)).Take(UpcomingLimit).ToList()), window: minute.UtcTicks)
            : Rows(occurrences.ListStarting(minute.AddHours(-1), minute.AddDays(UpcomingDays))
                .Where(o => scope.CoversCommune(o.CommuneId)).Take(UpcomingLimit).ToList());
        return new SchedulePage
        {
            Form = form,
            Communes = scope.Communes,
            Sessions = (form.CommuneId is { } c ? all.Where(s => s.CommuneId == c) : all).OrderBy(s => s.CommuneId).ThenBy(s => s.Start).ToList(),
            Approved = library.Bookable(clock.Today),
            Upcoming = upcoming,
            UpcomingDays = UpcomingDays,
            UpcomingLimit = UpcomingLimit,
        };
    }

    private List<OccurrenceRow> Rows(IReadOnlyList<Occurrence> list)
    {
        var names = scope.Communes.ToDictionary(c => c.Id, c => c.Name);
        var rundowns = occurrences.Rundowns(list.Select(o => o.Id));
        var titles = bulletins.FindMany(rundowns.Values.SelectMany(r => r.Select(i => i.BulletinId)).Distinct());
        return list.Select(o => new OccurrenceRow(o, names.GetValueOrDefault(o.CommuneId, $"#{o.CommuneId}"),
            clock.ToLocal(o.StartUtc), clock.ToLocal(o.EndUtc),
            rundowns[o.Id].Select(i => titles.TryGetValue(i.BulletinId, out var b) ? b.Title : $"#{i.BulletinId}").ToList())).ToList();
    }
}
