using BroadcastHub.Core.Places;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout;

namespace BroadcastHub.Web.Features.Dashboard;

/// <summary>Gathers the dashboard: today's sessions per commune, what airs now, what is next, output state.</summary>
public sealed class DashboardReader(
    PlacesRepository places, SessionRepository sessions, OccurrenceRepository occurrences, AirtimeRepository airtime,
    BulletinRepository bulletins, PlayoutEngine engine, ZoneOutputs outputs, AppDatabase db, StationClock clock)
{
    /// <summary>What the database says of one commune today; the same for every viewer until the data changes.</summary>
    private sealed record CommuneRows(Commune Commune, IReadOnlyList<SessionToday> Sessions, IReadOnlyList<(DateTimeOffset StartUtc, NextUp Next)> Upcoming);

    /// <summary>The dashboard of the communes <paramref name="inScope"/> accepts (the viewer's unit scope).</summary>
    public DashboardPage Read(bool canStop, Func<long, bool> inScope)
    {
        var now = clock.UtcNow;
        var today = clock.Today;
        // The database part is shared by every request until something is committed, or the minute turns (the
        // "next up" window moves with the clock); what airs now and the outputs' state are read live.
        var minute = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var rows = db.Cache.Get("dashboard", () => ReadRows(today, minute), window: minute.UtcTicks);
        var result = rows.Where(r => inScope(r.Commune.Id)).Select(r => new CommuneToday(r.Commune, outputs.StateOf(r.Commune.ZoneId), OnAirIn(r.Commune.ZoneId, now),
            r.Upcoming.Where(u => u.StartUtc >= now).Select(u => u.Next).FirstOrDefault(), r.Sessions)).ToList();
        return new DashboardPage(today, clock.ToLocal(now), result, canStop);
    }

    private IReadOnlyList<CommuneRows> ReadRows(DateOnly today, DateTimeOffset from)
    {
        var dayStart = clock.ToUtc(today, TimeOnly.MinValue);
        var dayEnd = clock.ToUtc(today.AddDays(1), TimeOnly.MinValue);
        var todays = occurrences.ListStarting(dayStart, dayEnd);
        var records = airtime.Query(dayStart, dayEnd).ToLookup(r => r.OccurrenceId);
        var upcoming = occurrences.ListStarting(from, from.AddDays(2), OccurrenceState.Planned);
        // Two per zone: the first may start within this minute and pass before the minute turns.
        var nextByZone = upcoming.GroupBy(o => o.ZoneId).ToDictionary(g => g.Key, g => g.Take(2).ToList());
        var nextRundowns = occurrences.Rundowns(nextByZone.Values.SelectMany(o => o).Select(o => o.Id));
        var found = bulletins.FindMany(nextRundowns.Values.SelectMany(r => r.Select(i => i.BulletinId))
            .Concat(records.SelectMany(g => g.Select(r => r.BulletinId))).Distinct());
        string Title(long id) => found.TryGetValue(id, out var b) ? b.Title : $"#{id}";

        var allSessions = sessions.List().ToLookup(s => s.CommuneId);
        return places.ListCommunes().Select(commune =>
        {
            var sessionRows = allSessions[commune.Id].Where(s => s.OccursOn(today)).OrderBy(s => s.Start).Select(s =>
            {
                var occ = todays.FirstOrDefault(o => o.SessionId == s.Id && o.LocalDate == today);
                IReadOnlyList<ItemOutcome> outcomes = occ is null ? [] : records[occ.Id].OrderBy(r => r.Position)
                    .Select(r => new ItemOutcome(Title(r.BulletinId), r.Outcome, r.Error)).ToList();
                return new SessionToday(s, clock.ToLocal(clock.ToUtc(today, s.Start)), occ?.State, outcomes);
            }).ToList();
            var next = nextByZone.GetValueOrDefault(commune.ZoneId) ?? [];
            return new CommuneRows(commune, sessionRows, next.Select(o =>
                (o.StartUtc, new NextUp(clock.ToLocal(o.StartUtc), nextRundowns[o.Id].Select(i => Title(i.BulletinId)).ToList()))).ToList());
        }).ToList();
    }

    private OnAir? OnAirIn(long zoneId, DateTimeOffset now)
    {
        if (!engine.Playing.TryGetValue(zoneId, out var playing)) return null;
        var index = playing.IndexAt(now);
        var item = index >= 0 ? playing.Items[index] : null;
        var since = playing.StartOf(Math.Max(index, 0));
        var title = item?.Bulletin.Title ?? playing.Items.FirstOrDefault()?.Bulletin.Title ?? "—";
        var itemEnd = since.AddSeconds((item ?? playing.Items.FirstOrDefault())?.Bulletin.DurationSeconds ?? 0);
        return new OnAir(title, clock.ToLocal(since), clock.ToLocal(playing.StartedAt), playing.Output, now < playing.StartedAt)
        {
            Item = (since, itemEnd < playing.Occurrence.EndUtc ? itemEnd : playing.Occurrence.EndUtc),
            Air = (playing.StartedAt, playing.ExpectedEnd(index)),
        };
    }
}
