using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Audit;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Features.Stations;

/// <summary>Issues and revokes the credential of a station's agent; only its SHA-256 is stored, and both are audited.</summary>
public sealed class StationEnrolment(StationRepository stations, StationAgentRepository agents, AuditLog audit, TimeProvider time)
{
    /// <summary>A new token for the station's agent, replacing any earlier one (<c>station_not_found</c>).</summary>
    public string Enrol(long stationId, string actor)
    {
        EnsureExists(stationId);
        var token = StationTokenHandler.NewToken();
        agents.Enrol(stationId, AccountService.HashToken(token), time.GetUtcNow());
        audit.Record(actor, "station-enrolled", "stations", stationId);
        return token;
    }

    /// <summary>Revokes the station's token at once (<c>station_not_found</c>, <c>station_not_enrolled</c>).</summary>
    public void Revoke(long stationId, string actor)
    {
        EnsureExists(stationId);
        if (!agents.Revoke(stationId))
            throw new AppException("station_not_enrolled", Msg.Get("StationIsNotEnrolledNoToken", stationId));
        audit.Record(actor, "station-enrolment-revoked", "stations", stationId);
    }

    private void EnsureExists(long stationId)
    {
        if (stations.Find(stationId) is null)
            throw new AppException("station_not_found", Msg.Get("ThereIsNoStation", stationId));
    }
}
