using System.Security.Claims;
using BroadcastHub.Core.Access;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Scope;
using BroadcastHub.Web.Playout;

namespace BroadcastHub.Web.Features.Dashboard;

/// <summary>The dashboard as one user sees it (its scope, its role), and dừng phát of a zone it covers.</summary>
public sealed class DashboardService(DashboardReader reader, PlacesRepository places, PlayoutEngine engine, StationAlerts alerts, UserScope scope)
{
    /// <summary>The dashboard of the communes in the user's scope, with the station's alerts (outputs aside).</summary>
    public DashboardPage Read(ClaimsPrincipal user)
    {
        var canStop = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Operator);
        var station = alerts.Current(scope.CoversZone).Where(a => !a.Code.StartsWith("output_", StringComparison.Ordinal)).ToList();
        return reader.Read(canStop, scope.CoversCommune) with { Alerts = station, ShowDetails = user.IsInRole(Roles.Admin) };
    }

    /// <summary>What the confirmation of a stop shows (404 <c>zone_not_found</c> outside the user's scope).</summary>
    public StopConfirmation Confirmation(long zoneId)
    {
        EnsureZone(zoneId);
        return new StopConfirmation(zoneId, CommuneNameOf(zoneId), engine.Playing.ContainsKey(zoneId));
    }

    /// <summary>Stops what airs in the zone; false when nothing did.</summary>
    public bool Stop(long zoneId)
    {
        EnsureZone(zoneId);
        return engine.StopZone(zoneId);
    }

    /// <summary>The communes the zone serves, by name.</summary>
    public string CommuneNameOf(long zoneId) =>
        string.Join(", ", places.ListCommunes().Where(c => c.ZoneId == zoneId).Select(c => c.Name)) is { Length: > 0 } names
            ? names : Msg.Get("Zone", zoneId);

    private void EnsureZone(long zoneId)
    {
        if (!scope.CoversZone(zoneId)) throw ScopeRefusals.ZoneNotFound(zoneId);
    }
}
