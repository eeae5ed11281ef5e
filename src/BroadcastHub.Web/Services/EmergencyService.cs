using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Playout;
using BroadcastHub.Web.Services.Scope;

namespace BroadcastHub.Web.Services;

/// <summary>Phát ngay: an approved bulletin on the chosen communes at once, preempting what they air.</summary>
public sealed class EmergencyService(
    PlacesService places, BulletinRepository bulletins, MediaStore media, OccurrenceRepository occurrences, EmergencyDispatch dispatch,
    UserScope scope, StationClock clock)
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    public IReadOnlyList<Occurrence> Start(IReadOnlyList<long>? communeIds, long bulletinId)
    {
        if (communeIds is null || communeIds.Count == 0)
            throw AppException.BadRequest("communes_required", Text.Pick("Hãy chọn ít nhất một xã/phường.", "Choose at least one commune."));
        var bulletin = bulletins.Find(bulletinId) is { } found && scope.Sees(found) ? found
            : throw AppException.BadRequest("bulletin_not_found", Text.Pick($"Không có bản tin số {bulletinId}.", $"There is no bulletin {bulletinId}."));
        if (bulletin.Status != BulletinStatus.Approved || !bulletin.IsAirableOn(clock.Today))
            throw AppException.BadRequest("bulletin_not_approved", Text.Pick(
                $"Bản tin \"{bulletin.Title}\" chưa được phê duyệt hoặc đã hết hiệu lực.", $"Bulletin \"{bulletin.Title}\" is not approved or not valid today."));
        if (!media.Exists(bulletin.Sha256))
            throw AppException.Conflict("media_missing", Text.Pick("Tệp âm thanh của bản tin không còn trên đài.", "The bulletin's audio file is missing on the station."));
        var communes = communeIds.Distinct().Select(places.FindCommune).ToList(); // every one in scope, before anything airs
        var now = clock.UtcNow;
        var result = new List<Occurrence>();
        foreach (var commune in communes)
        {
            var id = occurrences.CreateEmergency(commune.ZoneId, bulletin.Id, clock.Today, now, now + TimeSpan.FromSeconds(bulletin.DurationSeconds) + Margin);
            dispatch.PlayNow(commune.ZoneId, id);
            result.Add(occurrences.Find(id)!);
        }
        return result;
    }
}
