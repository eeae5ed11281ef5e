using System.Globalization;

namespace BroadcastHub.Web.Features.Stations.Push;

/// <summary>What a hub node tells the nodes holding agents' push connections.</summary>
public enum PushKind
{
    /// <summary>Something an agent airs may have changed: each node compares its agents' manifest versions.</summary>
    Changed,

    /// <summary>An emergency occurrence (<see cref="PushSignal.Arg"/>) to air at once on the station.</summary>
    Emergency,

    /// <summary>Stop what zone <see cref="PushSignal.Arg"/> airs on the station.</summary>
    Stop,

    /// <summary>The station's token was revoked or replaced: cut its connections.</summary>
    Revoked,
}

/// <summary>
/// One message on the backplane: a station (null = every station) and a kind, with one number (occurrence or zone).
/// On PostgreSQL its text form is the payload of <c>NOTIFY bh_station_push</c>: <c>stationId|*:kind:arg</c>.
/// </summary>
public sealed record PushSignal(long? StationId, PushKind Kind, long Arg = 0)
{
    /// <summary>The payload text.</summary>
    public string Encode() => string.Create(CultureInfo.InvariantCulture,
        $"{(StationId is { } s ? s.ToString(CultureInfo.InvariantCulture) : "*")}:{Kind.ToString().ToLowerInvariant()}:{Arg}");

    /// <summary>The signal of a payload, or null when it is not one.</summary>
    public static PushSignal? Decode(string? payload)
    {
        var parts = payload?.Split(':');
        if (parts is not { Length: 3 } || !Enum.TryParse<PushKind>(parts[1], ignoreCase: true, out var kind)
            || !long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var arg)) return null;
        if (parts[0] == "*") return new PushSignal(null, kind, arg);
        return long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var station) ? new PushSignal(station, kind, arg) : null;
    }
}

/// <summary>Carries signals to every hub node (this one included); each node acts on its own agents' connections.</summary>
public interface IStationPushBus
{
    /// <summary>Sends <paramref name="signal"/> to every node.</summary>
    void Publish(PushSignal signal);
}

/// <summary>One node (SQLite): the signal is delivered in this process.</summary>
public sealed class InProcessPushBus(PushDispatcher dispatcher) : IStationPushBus
{
    /// <inheritdoc />
    public void Publish(PushSignal signal) => dispatcher.Deliver(signal);
}
