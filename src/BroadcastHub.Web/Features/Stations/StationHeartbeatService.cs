using System.Text.Json;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;

namespace BroadcastHub.Web.Features.Stations;

/// <summary>A zone's output state as the agent reports it.</summary>
public sealed record ReportedZoneState(long ZoneId, string? OutputState);

/// <summary>An agent's heartbeat (<c>POST /api/station/heartbeat</c>).</summary>
public sealed record StationHeartbeatRequest(string? AgentVersion, DateTimeOffset? ClockUtc, bool? NtpSynchronized, DateTimeOffset? CacheReadyUntil,
    long? PendingAirtime, List<ReportedZoneState>? Zones);

/// <summary>How a station plays and what its agent last said; <c>mode</c> is <c>agent</c> while it holds a credential.</summary>
public sealed record StationAgentStatus(string Mode, bool Online, DateTimeOffset? LastSeenAt, long? ClockOffsetMs, bool? NtpSynchronized,
    DateTimeOffset? CacheReadyUntil, long? PendingAirtime, string? AgentVersion, IReadOnlyDictionary<long, string?> ZoneStates);

/// <summary>Records heartbeats and tells, per station, whether its agent is online (heard from within 90 s).</summary>
public sealed class StationHeartbeatService(StationAgentRepository agents, StationRepository stations, TimeProvider time)
{
    public static readonly TimeSpan OnlineWithin = TimeSpan.FromSeconds(90);
    public const int MaxTextLength = 100;

    /// <summary>Records the heartbeat; the clock offset is the agent's clock minus the hub's on arrival (positive: ahead).</summary>
    public (DateTimeOffset HubTime, long ClockOffsetMs) Record(long stationId, StationHeartbeatRequest h)
    {
        if (h.ClockUtc is not { } clock)
            throw new AppException("clock_required", Msg.Get("ClockUtcTheStationClockUTCIs"));
        if (h.AgentVersion is { Length: > MaxTextLength } || h.Zones?.Any(z => z?.OutputState is { Length: > MaxTextLength }) == true)
            throw new AppException("text_too_long", Msg.Get("AgentVersionAndOutputStateAreAtMost", MaxTextLength));
        if (h.PendingAirtime is < 0)
            throw new AppException("invalid_pending_airtime", Msg.Get("PendingAirtimeCannotBeNegative"));
        var mine = stations.StationByZone();
        if (h.Zones?.FirstOrDefault(z => z is null || !mine.TryGetValue(z.ZoneId, out var s) || s != stationId) is { } foreign)
            throw new AppException("zone_not_allowed", Msg.Get("ZoneIsNotPlayedByThis", foreign?.ZoneId));
        var now = time.GetUtcNow();
        var offset = (long)Math.Round((clock - now).TotalMilliseconds);
        var zones = (h.Zones ?? []).ToDictionary(z => z.ZoneId.ToString(System.Globalization.CultureInfo.InvariantCulture), z => z.OutputState);
        agents.RecordHeartbeat(new StationHeartbeat(stationId, now, h.AgentVersion, offset, h.NtpSynchronized, h.CacheReadyUntil, h.PendingAirtime,
            JsonSerializer.Serialize(zones)));
        return (now, offset);
    }

    /// <summary>The status of every station, by id; <paramref name="thisStationId"/> plays embedded in this process.</summary>
    public IReadOnlyDictionary<long, StationAgentStatus> All(long thisStationId)
    {
        var enrolled = agents.Credentials().Select(c => c.StationId).ToHashSet();
        var beats = agents.Heartbeats();
        var now = time.GetUtcNow();
        return stations.List().ToDictionary(s => s.Id, s =>
        {
            var agent = enrolled.Contains(s.Id);
            beats.TryGetValue(s.Id, out var b);
            var zones = b?.ZoneStatesJson is { } json
                ? JsonSerializer.Deserialize<Dictionary<string, string?>>(json)!.ToDictionary(z => long.Parse(z.Key, System.Globalization.CultureInfo.InvariantCulture), z => z.Value)
                : [];
            return agent
                ? new StationAgentStatus("agent", b is not null && now - b.LastSeenAt <= OnlineWithin, b?.LastSeenAt, b?.ClockOffsetMs, b?.NtpSynchronized,
                    b?.CacheReadyUntil, b?.PendingAirtime, b?.AgentVersion, zones)
                : new StationAgentStatus("embedded", s.Id == thisStationId, null, null, null, null, null, null, new Dictionary<long, string?>());
        });
    }
}
