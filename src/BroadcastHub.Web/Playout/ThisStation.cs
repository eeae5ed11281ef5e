using BroadcastHub.Core.Places;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Web.Playout;

/// <summary>The station this process plays for (<c>BroadcastHub:StationId</c>), and which zones are its own.</summary>
public sealed class ThisStation(StationRepository stations, IOptions<BroadcastHubOptions> options)
{
    /// <summary>This station's id.</summary>
    public long Id => options.Value.StationId;

    /// <summary>This station's Hangfire queue.</summary>
    public string Queue => Station.QueueOf(Id);

    /// <summary>True when <paramref name="zoneId"/> is assigned to this station.</summary>
    public bool Plays(long zoneId) => stations.StationByZone().TryGetValue(zoneId, out var station) && station == Id;

    /// <summary>The queue of the station that plays each zone.</summary>
    public IReadOnlyDictionary<long, string> QueueByZone() =>
        stations.StationByZone().ToDictionary(z => z.Key, z => Station.QueueOf(z.Value));
}
