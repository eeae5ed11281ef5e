using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Playout;

namespace BroadcastHub.Web.Infrastructure;

/// <summary><c>GET /health</c>: engine state, next occurrence, output state per zone. Anonymous, for monitors.</summary>
public static class HealthEndpoint
{
    public static void MapHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/health", (PlayoutEngine engine, ZoneOutputs outputs, PlacesRepository places,
            OccurrenceRepository occurrences, StationAlerts alerts, StationClock clock) =>
        {
            var now = clock.UtcNow;
            var upcoming = occurrences.ListPlannedFrom(now, TimeSpan.FromDays(2));
            var zones = places.ListZones();
            var current = alerts.Current();
            return Results.Ok(new
            {
                status = current.Any(a => a.Severity == "error") ? "degraded" : "ok",
                time = now,
                timeZone = clock.Zone.Id,
                clock = new
                {
                    source = "system clock",
                    // systemd-timesyncd touches this file once the clock is synchronised; absent means unknown, not wrong.
                    ntpSynchronized = File.Exists("/run/systemd/timesync/synchronized") ? true : (bool?)null,
                },
                disk = alerts.Disk(),
                alerts = current,
                engine = new { state = engine.State, armed = engine.ArmedOccurrences.Select(o => o.Id), playing = engine.Playing.Keys },
                nextOccurrence = upcoming.Select(Describe).FirstOrDefault(),
                zones = zones.Select(z => new
                {
                    zoneId = z.Id,
                    communeId = z.CommuneId,
                    output = outputs.StateOf(z.Id),
                    playing = engine.Playing.TryGetValue(z.Id, out var p) ? p.Occurrence.Id : (long?)null,
                    nextOccurrence = upcoming.Where(o => o.ZoneId == z.Id).Select(Describe).FirstOrDefault(),
                }),
            });
        }).AllowAnonymous();

    private static object Describe(Occurrence o) => new { occurrenceId = o.Id, o.SessionId, o.CommuneId, o.ZoneId, start = o.StartUtc, end = o.EndUtc };
}
