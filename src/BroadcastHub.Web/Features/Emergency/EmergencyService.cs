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
    UserScope scope, StationClock clock, ThisStation station, StationHeartbeatService agents)
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    /// <summary>Starts the emergency; the communes it did not air on are dropped (see <see cref="StartAll"/>).</summary>
    public IReadOnlyList<Occurrence> Start(IReadOnlyList<long>? communeIds, long bulletinId) => StartAll(communeIds, bulletinId).Started;

    /// <summary>
    /// Airs at once everywhere it can. A commune whose station has an enrolled agent is not aired from here (its agent
    /// plays it): while that agent is offline it is listed <c>station_offline</c> and not queued to air late.
    /// </summary>
    public EmergencyResult StartAll(IReadOnlyList<long>? communeIds, long bulletinId)
    {
        if (communeIds is null || communeIds.Count == 0)
            throw new AppException("communes_required", Text.Pick("Hãy chọn ít nhất một xã/phường.", "Choose at least one commune."));
        var bulletin = bulletins.Find(bulletinId) is { } found && scope.Sees(found) ? found
            : throw new AppException("bulletin_not_found", Text.Pick($"Không có bản tin số {bulletinId}.", $"There is no bulletin {bulletinId}."));
        if (bulletin.Status != BulletinStatus.Approved || !bulletin.IsAirableOn(clock.Today))
            throw new AppException("bulletin_not_approved", Text.Pick(
                $"Bản tin \"{bulletin.Title}\" chưa được phê duyệt hoặc đã hết hiệu lực.", $"Bulletin \"{bulletin.Title}\" is not approved or not valid today."));
        if (!media.Exists(bulletin.Sha256))
            throw new AppException("media_missing", Text.Pick("Tệp âm thanh của bản tin không còn trên đài.", "The bulletin's audio file is missing on the station."));
        var communes = communeIds.Distinct().Select(places.FindCommune).ToList(); // every one in scope, before anything airs
        var now = clock.UtcNow;
        var result = new List<Occurrence>();
        var notAired = new List<EmergencyNotAired>();
        var status = agents.All(station.Id);
        foreach (var commune in communes)
        {
            if (station.AgentStationOf(commune.ZoneId) is { } agentStation)
            {
                notAired.Add(NotAiredOn(commune, agentStation, status[agentStation].Online));
                continue;
            }
            var id = occurrences.CreateEmergency(commune.ZoneId, bulletin.Id, clock.Today, now, now + TimeSpan.FromSeconds(bulletin.DurationSeconds) + Margin);
            dispatch.PlayNow(commune.ZoneId, id);
            result.Add(occurrences.Find(id)!);
        }
        return new EmergencyResult(result, notAired);
    }

    /// <summary>Why zone <paramref name="zoneId"/> cannot be stopped from here (its station's agent plays it), or null.</summary>
    public AppException? StopRefusal(long zoneId)
    {
        if (station.AgentStationOf(zoneId) is not { } agentStation) return null;
        var online = agents.All(station.Id)[agentStation].Online;
        return new AppException(online ? "agent_unreachable" : "station_offline", online
            ? Text.Pick($"Vùng {zoneId} do máy phát {agentStation} (tác tử riêng) phát; máy chủ chưa gửi được lệnh dừng tới nó.",
                $"Zone {zoneId} is played by station {agentStation}'s own agent; the hub cannot send it a stop yet.")
            : Text.Pick($"Vùng {zoneId} do máy phát {agentStation} phát, đang mất kết nối; không dừng được từ máy chủ.",
                $"Zone {zoneId} is played by station {agentStation}, which is offline; it cannot be stopped from the hub."));
    }

    // Until the push channel exists an online agent cannot be reached within seconds either: it is refused the same
    // way, under its own code, rather than queued to air late.
    private static EmergencyNotAired NotAiredOn(Core.Places.Commune commune, long agentStation, bool online) => online
        ? new(commune.Id, commune.Name, commune.ZoneId, agentStation, "agent_unreachable", Text.Pick(
            $"{commune.Name}: máy phát {agentStation} chạy tác tử riêng, chưa nhận được lệnh phát ngay từ máy chủ; không phát.",
            $"{commune.Name}: station {agentStation} runs its own agent, which cannot take an emergency from the hub yet; not aired."))
        : new(commune.Id, commune.Name, commune.ZoneId, agentStation, "station_offline", Text.Pick(
            $"{commune.Name}: máy phát {agentStation} đang mất kết nối; không phát (không xếp hàng để phát muộn).",
            $"{commune.Name}: station {agentStation} is offline; not aired (not queued to air late)."));
}
