using System.Globalization;
using System.Text.Json;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Places;
using BroadcastHub.Web.Infrastructure.Mvc;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>One item of a rundown as shown to operators (<see cref="BulletinId"/> null and <see cref="Relay"/> set for a relay).</summary>
public sealed record RundownEntry(int Position, long? BulletinId, string Title, double OffsetSeconds, double DurationSeconds,
    DateTimeOffset PlannedStart, bool Overflow, long? BookingId = null, string? Fill = null, RundownRelay? Relay = null);

/// <summary>A relay item's source and the seconds it airs (booked, or what is left of the session).</summary>
public sealed record RundownRelay(long SourceId, string Name, string Url, double Seconds);

/// <summary>The rundown of a session on a date: the stored occurrence's, or what the bookings would give.</summary>
public sealed record RundownView(long SessionId, string Date, long? OccurrenceId, string? State, DateTimeOffset Start, DateTimeOffset End,
    IReadOnlyList<RundownEntry> Items);

public sealed class RundownQuery(PlacesService places, OccurrenceRepository occurrences, BookingRepository bookings,
    BulletinRepository bulletins, ProgrammeFills fills, RundownLabels labels, StationClock clock)
{
    public RundownView For(long sessionId, string? date)
    {
        var session = places.FindSession(sessionId);
        var day = LocalDateInput.Optional(date, "date") ?? clock.Today;
        var start = clock.ToUtc(day, session.Start);
        var end = start + session.Length;
        var occ = occurrences.FindBySession(sessionId, day);
        IReadOnlyList<(long BulletinId, double? NotBefore, long? BookingId, RundownFill? Fill, RelayRundown? Relay)> items = occ is not null
            ? occurrences.CachedRundown(occ.Id).Select(r => (r.BulletinId, r.NotBeforeSeconds, r.BookingId, r.Fill, r.Relay)).ToList()
            : session.OccursOn(day)
                ? PlanFromBookings(session, day).Select(s => (s.BulletinId, s.NotBeforeSeconds, s.BookingId, s.Fill, s.Relay)).ToList()
                : [];
        var found = labels.For(items.Select(i => (i.BulletinId, i.Relay)));
        var plan = RundownTimeline.Plan(items.Select(i => (i.NotBefore, found.Seconds(i.BulletinId, i.Relay))), session.Length.TotalSeconds);
        var entries = items.Select((i, n) => new RundownEntry(n, i.Relay is null ? i.BulletinId : null, found.Title(i.BulletinId, i.Relay),
            plan[n].Offset, plan[n].Seconds, start.AddSeconds(plan[n].Offset), plan[n].Offset + plan[n].Seconds > session.Length.TotalSeconds + 1e-6,
            i.BookingId, i.Fill is { } fill ? JsonNamingPolicy.CamelCase.ConvertName(fill.ToString()) : null,
            found.Source(i.Relay) is { } source ? new RundownRelay(source.Id, source.Name, source.Url, plan[n].Seconds) : null)).ToList();
        return new RundownView(sessionId, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), occ?.Id, occ?.State.ToString(), start, end, entries);
    }

    private IReadOnlyList<PlannedSlot> PlanFromBookings(SessionSlot session, DateOnly day)
    {
        var covering = bookings.ListForSession(session.Id, day, day).Where(b => b.Covers(day)).ToList();
        var durations = bulletins.FindMany(covering.SelectMany(b => b.BulletinIds)).ToDictionary(b => b.Key, b => b.Value.DurationSeconds);
        if (covering.Count == 0) return [];
        var booked = RundownLayout.Build(covering, durations, session.Length.TotalSeconds).Slots;
        return fills.Load()(session.CommuneId).Apply(booked, day, session.Length.TotalSeconds);
    }
}
