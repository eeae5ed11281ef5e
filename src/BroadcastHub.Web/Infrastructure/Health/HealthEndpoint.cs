using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout;
using BroadcastHub.Web.Infrastructure.BackgroundJobs;
using BroadcastHub.Web.Playout;
using Microsoft.AspNetCore.Authentication;

namespace BroadcastHub.Web.Infrastructure.Health;

/// <summary><c>GET /health</c>: engine state, next occurrence, output state per zone, planning. Anonymous monitors get
/// states and codes only; alert texts, paths, output specs and error texts only signed-in callers.</summary>
public static class HealthEndpoint
{
    public static void MapHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/health", async (HttpContext http, PlayoutEngine engine, ZoneOutputs outputs, PlacesRepository places,
            OccurrenceRepository occurrences, StationAlerts alerts, PlanningWatch planning, StationClock clock) =>
        {
            // Monitors need no account: they get states and codes. The alerts' texts name bulletins and communes, so
            // only a signed-in caller (page cookie or API token) gets them.
            var signedIn = http.User.Identity?.IsAuthenticated == true
                || (await http.AuthenticateAsync(Auth.ApiTokenHandler.SchemeName)).Succeeded;
            var now = clock.UtcNow;
            var upcoming = occurrences.ListPlannedFrom(now, TimeSpan.FromDays(2));
            var zones = places.ListZones();
            var current = alerts.Current().ToList();
            if (planning.Alert() is { } stale) current.Add(stale);
            var disk = alerts.Disk();
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
                // Paths, specs, device names and error texts tell an outsider how the station is built: signed-in only.
                disk = signedIn ? (object)disk : new { disk.FreeBytes, disk.TotalBytes },
                alerts = signedIn ? current.Cast<object>() : current.Select(a => new { a.Code, a.Severity }),
                planning = new { lastPlanned = planning.LastPlannedUtc, periodMinutes = planning.Period.TotalMinutes, stale = planning.IsStale },
                engine = new { state = engine.State, armed = engine.ArmedOccurrences.Select(o => o.Id), playing = engine.Playing.Keys },
                nextOccurrence = upcoming.Select(Describe).FirstOrDefault(),
                zones = zones.Select(z => new
                {
                    zoneId = z.Id,
                    communeId = z.CommuneId,
                    output = signedIn ? (object)outputs.StateOf(z.Id) : new { outputs.StateOf(z.Id).State },
                    playing = engine.Playing.TryGetValue(z.Id, out var p) ? p.Occurrence.Id : (long?)null,
                    nextOccurrence = upcoming.Where(o => o.ZoneId == z.Id).Select(Describe).FirstOrDefault(),
                }),
            });
        }).AllowAnonymous();

    private static object Describe(Occurrence o) => new { occurrenceId = o.Id, o.SessionId, o.CommuneId, o.ZoneId, start = o.StartUtc, end = o.EndUtc };
}
