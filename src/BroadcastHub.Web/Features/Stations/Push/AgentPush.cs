using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Web.Features.Stations.Push;

/// <summary>What the emergency and stop actions ask of the push channel: which stations are reachable now, and sending.</summary>
public sealed class AgentPush(StationPushRepository presence, IStationPushBus bus, TimeProvider time)
{
    /// <summary>Stations with a live push connection on any node.</summary>
    public IReadOnlySet<long> ReachableStations() => presence.Connected(time.GetUtcNow());

    /// <summary>Sends emergency occurrence <paramref name="occurrenceId"/> to <paramref name="stationId"/>'s agent.</summary>
    public void Emergency(long stationId, long occurrenceId) => bus.Publish(new PushSignal(stationId, PushKind.Emergency, occurrenceId));

    /// <summary>Tells <paramref name="stationId"/>'s agent to stop zone <paramref name="zoneId"/>.</summary>
    public void Stop(long stationId, long zoneId) => bus.Publish(new PushSignal(stationId, PushKind.Stop, zoneId));
}
