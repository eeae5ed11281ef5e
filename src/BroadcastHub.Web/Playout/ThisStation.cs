using BroadcastHub.Core.Places;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Playout;

/// <summary>
/// The station this process plays for (<c>BroadcastHub:StationId</c>), and which zones are its own. A station with an
/// enrolled agent plays on its own PC: no process here arms, airs or recovers its zones until the enrolment is revoked.
/// </summary>
public sealed class ThisStation(StationRepository stations, StationAgentRepository agents, IOptions<BroadcastHubOptions> options)
{
    /// <summary>This station's id.</summary>
    public long Id => options.Value.StationId;

    /// <summary>This station's Hangfire queue.</summary>
    public string Queue => Station.QueueOf(Id);

    /// <summary>True when <paramref name="zoneId"/> is assigned to this station and no agent plays it.</summary>
    public bool Plays(long zoneId) =>
        stations.StationByZone().TryGetValue(zoneId, out var station) && station == Id && !AgentStations().Contains(station);

    /// <summary>The station whose enrolled agent plays <paramref name="zoneId"/>, or null when a hub process plays it.</summary>
    public long? AgentStationOf(long zoneId) =>
        stations.StationByZone().TryGetValue(zoneId, out var station) && AgentStations().Contains(station) ? station : null;

    /// <summary>The zones whose station has an enrolled agent.</summary>
    public IReadOnlySet<long> AgentZones()
    {
        var enrolled = AgentStations();
        return stations.StationByZone().Where(z => enrolled.Contains(z.Value)).Select(z => z.Key).ToHashSet();
    }

    /// <summary>The queue of the station that plays each zone; zones played by an enrolled agent have none.</summary>
    public IReadOnlyDictionary<long, string> QueueByZone()
    {
        var enrolled = AgentStations();
        return stations.StationByZone().Where(z => !enrolled.Contains(z.Value)).ToDictionary(z => z.Key, z => Station.QueueOf(z.Value));
    }

    private HashSet<long> AgentStations() => agents.Credentials().Select(c => c.StationId).ToHashSet();
}
