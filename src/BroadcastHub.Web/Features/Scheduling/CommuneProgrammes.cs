using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Places;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Scope;

namespace BroadcastHub.Web.Features.Scheduling;

/// <summary>
/// Sets a commune's programme: the underfill mode (<c>endEarly</c>, the default, or <c>evergreen</c> with a playlist)
/// and the intro/outro jingles. Every change replans the commune's sessions over the horizon (planned occurrences
/// only: what aired or is airing stays).
/// </summary>
public sealed class CommuneProgrammes(
    PlacesService places, CommuneProgrammeRepository repository, PlaylistRepository playlists, BulletinRepository bulletins,
    SessionRepository sessions, SchedulePlanner planner, UserScope scope, StationClock clock)
{
    public CommuneProgrammeSettings Find(long communeId)
    {
        places.FindCommune(communeId);
        return repository.Find(communeId);
    }

    public CommuneProgrammeSettings SetUnderfill(long communeId, string? mode, long? playlistId)
    {
        var current = Find(communeId);
        var underfill = mode?.Trim().ToLowerInvariant() switch
        {
            "endearly" => UnderfillMode.EndEarly,
            "evergreen" => UnderfillMode.Evergreen,
            _ => throw new AppException("invalid_underfill_mode", Text.Pick(
                "mode phải là 'endEarly' (kết thúc sớm) hoặc 'evergreen' (phát bù từ danh sách phát dự phòng).",
                "mode must be 'endEarly' (the session ends after its last item) or 'evergreen' (topped up from a playlist).")),
        };
        if (underfill == UnderfillMode.Evergreen && playlistId is null)
            throw new AppException("playlist_required", Text.Pick(
                "Chế độ 'evergreen' cần một danh sách phát (playlistId).", "Mode 'evergreen' needs a playlist (playlistId)."));
        if (playlistId is { } id)
        {
            var playlist = playlists.Find(id) is { } found && scope.SeesPlaylist(found.CreatedBy, bulletins.FindMany(found.BulletinIds).Values) ? found
                : throw new AppException("playlist_not_found", Text.Pick($"Không có danh sách phát số {id}.", $"There is no playlist {id}."));
            if (playlist.BulletinIds.Count == 0)
                throw new AppException("playlist_empty", Text.Pick($"Danh sách phát \"{playlist.Name}\" trống.", $"Playlist \"{playlist.Name}\" is empty."));
        }
        return SaveAndReplan(current with { Underfill = underfill, EvergreenPlaylistId = playlistId });
    }

    public CommuneProgrammeSettings SetJingles(long communeId, long? introBulletinId, long? outroBulletinId)
    {
        var current = Find(communeId);
        foreach (var id in new[] { introBulletinId, outroBulletinId }.OfType<long>()) RequireApproved(id);
        return SaveAndReplan(current with { IntroBulletinId = introBulletinId, OutroBulletinId = outroBulletinId });
    }

    private void RequireApproved(long id)
    {
        var b = bulletins.Find(id) is { } found && scope.Sees(found) ? found
            : throw new AppException("bulletin_not_found", Text.Pick($"Không có bản tin số {id}.", $"There is no bulletin {id}."));
        if (b.Status != BulletinStatus.Approved)
            throw new AppException("bulletin_not_approved", Text.Pick($"Bản tin \"{b.Title}\" chưa được phê duyệt.", $"Bulletin \"{b.Title}\" is not approved."));
    }

    private CommuneProgrammeSettings SaveAndReplan(CommuneProgrammeSettings settings)
    {
        repository.Save(settings);
        foreach (var session in sessions.List(settings.CommuneId)) planner.PlanSession(session.Id, clock.Today, DateOnly.MaxValue);
        return settings;
    }
}
