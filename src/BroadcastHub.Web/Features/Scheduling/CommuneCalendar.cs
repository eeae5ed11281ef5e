using BroadcastHub.Core.Calendar;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Places;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Places;
using BroadcastHub.Web.Infrastructure;
using Microsoft.Extensions.Options;
using BroadcastHub.Web.Infrastructure.Settings;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>
/// A commune's schedule as an iCalendar feed for supervisors' calendars: one event per occurrence from
/// <see cref="PastDays"/> days ago to the end of the planning horizon, and optionally its sessions as weekly
/// recurring events.
/// </summary>
public sealed class CommuneCalendar(
    PlacesService places, OccurrenceRepository occurrences, RundownLabels labels, SessionRepository sessions,
    StationClock clock, IOptions<SchedulingOptions> options)
{
    /// <summary>How many past days the feed keeps.</summary>
    public const int PastDays = 7;

    /// <summary>The feed as iCalendar text; a 404 refusal for an unknown commune.</summary>
    public string Write(long communeId, bool includeSessions)
    {
        var commune = places.FindCommune(communeId);
        var today = clock.Today;
        var from = clock.ToUtc(today.AddDays(-PastDays), TimeOnly.MinValue);
        var to = clock.ToUtc(today.AddDays(options.Value.HorizonDays + 1), TimeOnly.MinValue);
        var occs = occurrences.ListStarting(from, to).Where(o => o.CommuneId == communeId).ToList();
        var rundowns = occurrences.Rundowns(occs.Select(o => o.Id));
        var library = labels.For(rundowns.Values.SelectMany(r => r.Select(i => (i.BulletinId, i.Relay))));
        var events = occs.Select(o => OccurrenceEvent(o, commune, rundowns[o.Id], library)).ToList();
        if (includeSessions)
            events.AddRange(sessions.List(communeId).Where(s => s.OnlyOn is null || s.OnlyOn >= today.AddDays(-PastDays))
                .Select(s => SessionEvent(s, commune, today.AddDays(-PastDays))));
        return IcsWriter.Write(new CalendarFeed(commune.Name, clock.Zone, clock.UtcNow, events));
    }

    private static CalendarEvent OccurrenceEvent(
        Occurrence o, Commune commune, IReadOnlyList<RundownItem> rundown, RundownLabels.Lookup library)
    {
        var lines = new List<string> { Msg.Get("State") + StateText(o.State) };
        var total = 0.0;
        var plan = RundownTimeline.Plan(rundown.Select(i => (i.NotBeforeSeconds, library.Seconds(i.BulletinId, i.Relay))), (o.EndUtc - o.StartUtc).TotalSeconds);
        foreach (var (item, n) in rundown.Select((item, n) => (item, n)))
        {
            var seconds = plan[n].Seconds;
            total += seconds;
            var line = $"{item.Position + 1}. {library.Title(item.BulletinId, item.Relay)} ({Clock(seconds)})";
            lines.Add(library.Source(item.Relay) is { } source ? line + " " + source.Url : line);
        }
        lines.Add(rundown.Count == 0
            ? Msg.Get("NoBulletinsYet")
            : Msg.Get("Total", Clock(total), Clock((o.EndUtc - o.StartUtc).TotalSeconds)));
        return new CalendarEvent($"occ-{o.Id}@broadcasthub", o.StartUtc, o.EndUtc, Summary(o, commune))
        {
            Description = string.Join('\n', lines),
            Location = commune.Name,
            Status = o.State == OccurrenceState.Cancelled ? CalendarEventStatus.Cancelled : CalendarEventStatus.Confirmed,
        };
    }

    private static string Summary(Occurrence o, Commune commune) => o.IsEmergency
        ? Msg.Get("EmergencyBroadcast", commune.Name)
        : Msg.Get("Broadcast", commune.Name);

    private CalendarEvent SessionEvent(SessionSlot s, Commune commune, DateOnly notBefore)
    {
        var first = s.OnlyOn ?? notBefore;
        while (!s.OccursOn(first)) first = first.AddDays(1);
        var start = clock.ToUtc(first, s.Start);
        return new CalendarEvent($"session-{s.Id}@broadcasthub", start, start + s.Length,
            Msg.Get("SessionSlot", commune.Name))
        {
            Description = s.IsOneOff
                ? Msg.Get("OneOffSessionSlotMinutes", s.LengthMinutes)
                : Msg.Get("RecurringSessionSlotMinutes", s.LengthMinutes),
            Location = commune.Name,
            WeeklyOn = s.IsOneOff ? null : s.Weekdays,
            Transparent = true,
        };
    }

    private static string StateText(OccurrenceState state) => state switch
    {
        OccurrenceState.Planned => Msg.Get("Planned2"),
        OccurrenceState.Claimed => Msg.Get("Aired"),
        OccurrenceState.Missed => Msg.Get("Missed2"),
        _ => Msg.Get("Cancelled2"),
    };

    private static string Clock(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Round(seconds));
        return t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss") : t.ToString(@"m\:ss");
    }
}
