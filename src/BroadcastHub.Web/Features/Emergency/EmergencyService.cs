using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Places;
using BroadcastHub.Web.Features.Stations;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Scope;
using BroadcastHub.Web.Playout;
using BroadcastHub.Web.Services;

namespace BroadcastHub.Web.Features.Emergency;

/// <summary>A commune the emergency did not air on, with a stable <paramref name="Code"/> (<c>station_offline</c>).</summary>
public sealed record EmergencyNotAired(long CommuneId, string CommuneName, long ZoneId, long StationId, string Code, string Message);

/// <summary>What an emergency started, and the communes it could not air on.</summary>
public sealed record EmergencyResult(IReadOnlyList<Occurrence> Started, IReadOnlyList<EmergencyNotAired> NotAired);

/// <summary>Phát ngay: an approved bulletin on the chosen communes at once, preempting what they air.</summary>
public sealed class EmergencyService(
    PlacesService places, BulletinRepository bulletins, MediaStore media, OccurrenceRepository occurrences, EmergencyDispatch dispatch,
    UserScope scope, StationClock clock, ThisStation station, StationHeartbeatService agents,
    Features.Stations.Push.AgentPush push)
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    /// <summary>Starts the emergency; the communes it did not air on are dropped (see <see cref="StartAll"/>).</summary>
    public IReadOnlyList<Occurrence> Start(IReadOnlyList<long>? communeIds, long bulletinId) => StartAll(communeIds, bulletinId).Started;

    /// <summary>
    /// Airs at once everywhere it can. A commune whose station has an enrolled agent is pushed to that agent when it is
    /// connected to the push channel (any hub node); otherwise it is listed <c>station_offline</c> (or
    /// <c>agent_unreachable</c> when the agent still polls but has no push connection) and not queued to air late.
    /// </summary>
    public EmergencyResult StartAll(IReadOnlyList<long>? communeIds, long bulletinId)
    {
        if (communeIds is null || communeIds.Count == 0)
            throw new AppException("communes_required", Msg.Get("ChooseAtLeastOneCommune"));
        var bulletin = bulletins.Find(bulletinId) is { } found && scope.Sees(found) ? found
            : throw new AppException("bulletin_not_found", Msg.Get("ThereIsNoBulletin2", bulletinId));
        if (bulletin.Status != BulletinStatus.Approved || !bulletin.IsAirableOn(clock.Today))
            throw new AppException("bulletin_not_approved", Msg.Get("BulletinIsNotApprovedOrNot", bulletin.Title));
        if (!media.Exists(bulletin.PlayoutSha256))
            throw new AppException("media_missing", Msg.Get("TheBulletinAudioFileIsMissing"));
        var communes = communeIds.Distinct().Select(places.FindCommune).ToList(); // every one in scope, before anything airs
        var now = clock.UtcNow;
        var result = new List<Occurrence>();
        var notAired = new List<EmergencyNotAired>();
        var status = agents.All(station.Id);
        var reachable = push.ReachableStations();
        foreach (var commune in communes)
        {
            var agentStation = station.AgentStationOf(commune.ZoneId);
            if (agentStation is { } remote && !reachable.Contains(remote))
            {
                notAired.Add(NotAiredOn(commune, remote, status[remote].Online));
                continue;
            }
            var id = occurrences.CreateEmergency(commune.ZoneId, bulletin.Id, clock.Today, now, now + TimeSpan.FromSeconds(bulletin.DurationSeconds) + Margin);
            if (agentStation is { } pushed) push.Emergency(pushed, id);
            else dispatch.PlayNow(commune.ZoneId, id);
            result.Add(occurrences.Find(id)!);
        }
        return new EmergencyResult(result, notAired);
    }

    /// <summary>Sends a stop for <paramref name="zoneId"/> to its agent when one plays it and is connected; the agent's station, or null.</summary>
    public long? StopOnAgent(long zoneId)
    {
        if (station.AgentStationOf(zoneId) is not { } agentStation || !push.ReachableStations().Contains(agentStation)) return null;
        push.Stop(agentStation, zoneId);
        return agentStation;
    }

    /// <summary>Why zone <paramref name="zoneId"/> cannot be stopped from here (its station's agent plays it, unreachable), or null.</summary>
    public AppException? StopRefusal(long zoneId)
    {
        if (station.AgentStationOf(zoneId) is not { } agentStation) return null;
        var online = agents.All(station.Id)[agentStation].Online;
        return new AppException(online ? "agent_unreachable" : "station_offline", online
            ? Msg.Get("ZoneIsPlayedByStationOwn", zoneId, agentStation)
            : Msg.Get("ZoneIsPlayedByStationWhich", zoneId, agentStation));
    }

    // An agent heard from recently but without a push connection cannot be reached within seconds either: it is refused
    // the same way, under its own code, rather than queued to air late.
    private static EmergencyNotAired NotAiredOn(Core.Places.Commune commune, long agentStation, bool online) => online
        ? new(commune.Id, commune.Name, commune.ZoneId, agentStation, "agent_unreachable", Msg.Get("StationAgentIsNotConnectedTo", commune.Name, agentStation))
        : new(commune.Id, commune.Name, commune.ZoneId, agentStation, "station_offline", Msg.Get("StationIsOfflineNotAiredNot", commune.Name, agentStation));
}
