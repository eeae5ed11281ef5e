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
            _ => throw new AppException("invalid_underfill_mode", Msg.Get("ModeMustBeEndEarlyTheSession")),
        };
        if (underfill == UnderfillMode.Evergreen && playlistId is null)
            throw new AppException("playlist_required", Msg.Get("ModeEvergreenNeedsAPlaylistPlaylistId"));
        if (playlistId is { } id)
        {
            var playlist = playlists.Find(id) is { } found && scope.SeesPlaylist(found.CreatedBy, bulletins.FindMany(found.BulletinIds).Values) ? found
                : throw new AppException("playlist_not_found", Msg.Get("ThereIsNoPlaylist", id));
            if (playlist.BulletinIds.Count == 0)
                throw new AppException("playlist_empty", Msg.Get("PlaylistIsEmpty", playlist.Name));
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
            : throw new AppException("bulletin_not_found", Msg.Get("ThereIsNoBulletin2", id));
        if (b.Status != BulletinStatus.Approved)
            throw new AppException("bulletin_not_approved", Msg.Get("BulletinIsNotApproved", b.Title));
    }

    private CommuneProgrammeSettings SaveAndReplan(CommuneProgrammeSettings settings)
    {
        repository.Save(settings);
        foreach (var session in sessions.List(settings.CommuneId)) planner.PlanSession(session.Id, clock.Today, DateOnly.MaxValue);
        return settings;
    }
}
