using System.Globalization;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Scope;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>The schedule page (/schedule): the booking form's choices and the coming week's occurrences; and its booking post.</summary>
public sealed class SchedulePages(
    BookingService booking, BulletinService library, UserScope scope, SessionRepository sessions,
    OccurrenceRepository occurrences, AppDatabase db, StationClock clock, RundownLabels labels, RelaySourceRepository relaySources)
{
    private const int UpcomingDays = 7;
    private const int UpcomingLimit = 100;

    /// <summary>Books what the form names (its ids as typed; text that is no id is refused).</summary>
    public Task<BookingResult> BookAsync(BookingForm form, string userName, CancellationToken cancel)
    {
        if (!long.TryParse(form.SessionId, NumberStyles.None, CultureInfo.InvariantCulture, out var sessionId))
            throw new AppException("session_required", Msg.Get("ChooseASession"));
        var ids = new List<long>();
        foreach (var text in form.BulletinIds.Where(t => !string.IsNullOrWhiteSpace(t)))
            ids.Add(long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
                : throw new AppException("bulletin_not_found", Msg.Get("ThereIsNoBulletin", text)));
        RelayRequest? relay = null;
        if (!string.IsNullOrWhiteSpace(form.RelaySourceId))
            relay = long.TryParse(form.RelaySourceId, NumberStyles.None, CultureInfo.InvariantCulture, out var source)
                ? new RelayRequest(source, form.RelayUntilEnd ? null : form.RelayMinutes, form.RelayUntilEnd ? true : null)
                : throw new AppException("relay_source_not_found", Msg.Get("ThereIsNoRelaySource", form.RelaySourceId));
        return booking.BookAsync(new BookingRequest(sessionId, ids, form.From?.Trim(), form.To?.Trim(), OnOverflow: form.OnOverflow, Relay: relay), userName, cancel);
    }

    /// <summary>The page with <paramref name="form"/> as typed.</summary>
    public SchedulePage Page(BookingForm form)
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
            RelaySources = relaySources.List(),
            Upcoming = upcoming,
            UpcomingDays = UpcomingDays,
            UpcomingLimit = UpcomingLimit,
        };
    }

    private List<OccurrenceRow> Rows(IReadOnlyList<Occurrence> list)
    {
        var names = scope.Communes.ToDictionary(c => c.Id, c => c.Name);
        var rundowns = occurrences.Rundowns(list.Select(o => o.Id));
        var titles = labels.For(rundowns.Values.SelectMany(r => r.Select(i => (i.BulletinId, i.Relay))));
        return list.Select(o => new OccurrenceRow(o, names.GetValueOrDefault(o.CommuneId, $"#{o.CommuneId}"),
            clock.ToLocal(o.StartUtc), clock.ToLocal(o.EndUtc),
            rundowns[o.Id].Select(i => titles.Title(i.BulletinId, i.Relay)).ToList())).ToList();
    }
}
