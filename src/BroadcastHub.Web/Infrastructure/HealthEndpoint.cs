using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Playout;
using Microsoft.AspNetCore.Authentication;

namespace BroadcastHub.Web.Infrastructure;

/// <summary><c>GET /health</c>: engine state, next occurrence, output state per zone. Anonymous, for monitors; alert texts
/// only for signed-in callers.</summary>
public static class HealthEndpoint
{
    public static void MapHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/health", async (HttpContext http, PlayoutEngine engine, ZoneOutputs outputs, PlacesRepository places,
            OccurrenceRepository occurrences, StationAlerts alerts, StationClock clock) =>
        {
            // Monitors need no account: they get states and codes. The alerts' texts name bulletins and communes, so
            // only a signed-in caller (page cookie or API token) gets them.
            var signedIn = http.User.Identity?.IsAuthenticated == true
                || (await http.AuthenticateAsync(Auth.ApiTokenHandler.SchemeName)).Succeeded;
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
                alerts = signedIn ? current.Cast<object>() : current.Select(a => new { a.Code, a.Severity }),
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
