using BroadcastHub.Core.Places;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Scope;
using BroadcastHub.Web.Playout;

namespace BroadcastHub.Web.Features.Stations;

/// <summary>A zone as the stations page shows it: its commune and, on this station, its output's state.</summary>
public sealed record StationZone(long ZoneId, long CommuneId, string CommuneName, ZoneOutputState? Output, string? ReportedOutputState = null);

/// <summary>A station with its zones; <see cref="IsThisStation"/> marks the PC answering this request.</summary>
public sealed record StationView(long Id, string Name, string Queue, bool IsThisStation, IReadOnlyList<StationZone> Zones,
    string Mode = "embedded", bool Online = false, DateTimeOffset? LastSeenAt = null, long? ClockOffsetMs = null, bool? NtpSynchronized = null,
    DateTimeOffset? CacheReadyUntil = null, long? PendingAirtime = null, string? AgentVersion = null,
    IReadOnlyList<StationAgentAlert>? Alerts = null);

/// <summary>
/// Administration of station PCs: create them and assign each commune's zone to the station that plays it. Stations
/// are shared infrastructure; the zones (communes) listed and moved are only those of the administrator's scope.
/// </summary>
public sealed class StationAdmin(StationRepository stations, UserScope scope, ThisStation self, ZoneOutputs outputs, ZoneRearming rearming,
    StationHeartbeatService agents, TimeProvider time)
{
    public const int MaxNameLength = 100;

    /// <summary>Every station with its zones. Output state is known only for this station's own zones.</summary>
    public IReadOnlyList<StationView> List()
    {
        var byZone = stations.StationByZone();
        var communes = scope.Communes.ToDictionary(c => c.ZoneId);
        var status = agents.All(self.Id);
        var now = time.GetUtcNow();
        return stations.List().Select(s => (Station: s, Agent: status[s.Id])).Select(x => new StationView(x.Station.Id, x.Station.Name, x.Station.Queue,
            x.Station.Id == self.Id,
            byZone.Where(z => z.Value == x.Station.Id && communes.ContainsKey(z.Key)).Select(z => communes[z.Key])
                .OrderBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
                .Select(c => new StationZone(c.ZoneId, c.Id, c.Name, x.Station.Id == self.Id ? outputs.StateOf(c.ZoneId) : null,
                    x.Agent.ZoneStates.GetValueOrDefault(c.ZoneId))).ToList(),
            x.Agent.Mode, x.Agent.Online, x.Agent.LastSeenAt, x.Agent.ClockOffsetMs, x.Agent.NtpSynchronized, x.Agent.CacheReadyUntil,
            x.Agent.PendingAirtime, x.Agent.AgentVersion, StationAgentAlerts.For(x.Agent, now))).ToList();
    }

    /// <summary>Creates a station (<c>station_name_required</c>, <c>station_exists</c>).</summary>
    public Station Create(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxNameLength)
            throw new AppException("station_name_required", Msg.Get("GiveTheStationAName1", MaxNameLength));
        return stations.Create(trimmed) ?? throw new AppException("station_exists", Msg.Get("AStationNamedAlreadyExists", trimmed));
    }

    /// <summary>Moves a zone to a station (<c>zone_not_found</c>, <c>station_not_found</c>); its occurrences already armed
    /// are armed again on the new station's queue at once (see <see cref="ZoneRearming"/>).</summary>
    public void AssignZone(long zoneId, long stationId)
    {
        if (!scope.CoversZone(zoneId)) throw ScopeRefusals.ZoneNotFound(zoneId);
        if (stations.Find(stationId) is null)
            throw new AppException("station_not_found", Msg.Get("ThereIsNoStation", stationId));
        if (!stations.AssignZone(zoneId, stationId))
            throw new AppException("zone_not_found", Msg.Get("ThereIsNoZone", zoneId));
        rearming.Rearm(zoneId);
    }

    /// <summary>The spec a zone plays through now (chosen here, else configured).</summary>
    public string OutputSpecOf(long zoneId) => outputs.SpecFor(zoneId);

    /// <summary>
    /// Chooses the output a zone plays through (<c>alsa:&lt;device&gt;</c>, <c>waveout</c>, <c>file</c>, <c>null</c>,
    /// <c>auto</c>…); empty returns the zone to the configuration. Refused with <c>invalid_output_spec</c> and the
    /// reason when the spec cannot be used here, <c>output_not_allowed</c> when it is not on
    /// <see cref="OutputSpecAllowList"/> (at any nesting); <c>zone_not_found</c>.
    /// </summary>
    public void SetOutput(long zoneId, string? spec)
    {
        if (!scope.CoversZone(zoneId)) throw ScopeRefusals.ZoneNotFound(zoneId);
        var chosen = string.IsNullOrWhiteSpace(spec) ? null : spec.Trim();
        if (chosen is not null)
        {
            try
            {
                outputs.Check(chosen);
            }
            catch (Exception e) when (e is ArgumentException or PlatformNotSupportedException)
            {
                throw new AppException("invalid_output_spec", Msg.Get("OutputCannotBeUsed", chosen, e.Message));
            }
            if (ZoneOutputs.NotAllowedPart(chosen) is { } part)
                throw new AppException(OutputSpecAllowList.RefusedCode, Msg.Get("OutputIsNotOnTheAllow", part, OutputSpecAllowList.Allowed));
        }
        if (!stations.SetZoneOutput(zoneId, chosen))
            throw new AppException("zone_not_found", Msg.Get("ThereIsNoZone", zoneId));
        outputs.Forget(zoneId);
    }
}
