using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Models;
using BroadcastHub.Web.Playout;

namespace BroadcastHub.Web.Controllers;

/// <summary>Gathers the dashboard: today's sessions per commune, what airs now, what is next, output state.</summary>
public sealed class DashboardReader(
    PlacesRepository places, SessionRepository sessions, OccurrenceRepository occurrences, AirtimeRepository airtime,
    BulletinRepository bulletins, PlayoutEngine engine, ZoneOutputs outputs, StationClock clock)
{
    public DashboardPage Read(bool canStop)
    {
        var now = clock.UtcNow;
        var today = clock.Today;
        var dayStart = clock.ToUtc(today, TimeOnly.MinValue);
        var dayEnd = clock.ToUtc(today.AddDays(1), TimeOnly.MinValue);
        var todays = occurrences.ListStarting(dayStart, dayEnd);
        var records = airtime.Query(dayStart, dayEnd).ToLookup(r => r.OccurrenceId);
        var upcoming = occurrences.ListStarting(now, now.AddDays(2), OccurrenceState.Planned);
        var communes = places.ListCommunes();
        var nextByZone = upcoming.GroupBy(o => o.ZoneId).ToDictionary(g => g.Key, g => g.First());
        var nextRundowns = occurrences.Rundowns(nextByZone.Values.Select(o => o.Id));
        var found = bulletins.FindMany(nextRundowns.Values.SelectMany(r => r.Select(i => i.BulletinId))
            .Concat(records.SelectMany(g => g.Select(r => r.BulletinId))).Distinct());
        string Title(long id) => found.TryGetValue(id, out var b) ? b.Title : $"#{id}";

        var result = new List<CommuneToday>();
        var allSessions = sessions.List().ToLookup(s => s.CommuneId);
        foreach (var commune in communes)
        {
            var sessionRows = allSessions[commune.Id].Where(s => s.OccursOn(today)).OrderBy(s => s.Start).Select(s =>
            {
                var occ = todays.FirstOrDefault(o => o.SessionId == s.Id && o.LocalDate == today);
                IReadOnlyList<ItemOutcome> outcomes = occ is null ? [] : records[occ.Id].OrderBy(r => r.Position)
                    .Select(r => new ItemOutcome(Title(r.BulletinId), r.Outcome, r.Error)).ToList();
                return new SessionToday(s, clock.ToLocal(clock.ToUtc(today, s.Start)), occ?.State, outcomes);
            }).ToList();
            var next = nextByZone.GetValueOrDefault(commune.ZoneId);
            result.Add(new CommuneToday(commune, outputs.StateOf(commune.ZoneId), OnAirIn(commune.ZoneId, now),
                next is null ? null : new NextUp(clock.ToLocal(next.StartUtc), nextRundowns[next.Id].Select(i => Title(i.BulletinId)).ToList()),
                sessionRows));
        }
        return new DashboardPage(today, clock.ToLocal(now), result, canStop);
    }

    private OnAir? OnAirIn(long zoneId, DateTimeOffset now)
    {
        if (!engine.Playing.TryGetValue(zoneId, out var playing)) return null;
        var item = playing.ItemAt(now);
        var since = playing.StartedAt;
        if (item is not null)
        {
            var index = playing.Items.ToList().IndexOf(item);
            var frame = index >= 0 ? playing.Rundown.StartFrameOf(index) : 0;
            if (frame > 0) since = playing.StartedAt.AddSeconds((double)frame / playing.Rundown.WaveFormat.SampleRate);
        }
        var title = item?.Bulletin.Title ?? playing.Items.FirstOrDefault()?.Bulletin.Title ?? "—";
        return new OnAir(title, clock.ToLocal(since), clock.ToLocal(playing.StartedAt), playing.Output, now < playing.StartedAt);
    }
}
