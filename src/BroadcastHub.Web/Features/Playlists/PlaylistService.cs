using BroadcastHub.Core.Library;
using BroadcastHub.Core.Playlists;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Infrastructure;
using BroadcastHub.Web.Infrastructure.Errors;
using BroadcastHub.Web.Infrastructure.Scope;

namespace BroadcastHub.Web.Features.Playlists;

/// <summary>A stored playlist with its bulletins, in order.</summary>
public sealed record PlaylistDetail(Playlist Playlist, IReadOnlyList<Bulletin> Items);

/// <summary>
/// Imports extended M3U into playlists (all or nothing) and exports them back, within the user's scope: entries resolve
/// only to bulletins the user sees, and a playlist is seen only by those who see its maker's content and every entry.
/// </summary>
public sealed class PlaylistService(PlaylistRepository playlists, BulletinRepository bulletins, UserScope scope, ILogger<PlaylistService> log)
{
    /// <summary>Largest playlist file accepted, in bytes.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    private const int MaxNameLength = 200;

    /// <summary>
    /// Parses and resolves the whole file, then stores it. Any problem refuses the import with every problem
    /// listed by line, and nothing is stored. The name is <paramref name="name"/>, else the file's
    /// <c>#PLAYLIST</c>, else <paramref name="fileName"/> without its extension.
    /// </summary>
    public PlaylistDetail Import(byte[] content, string? name, string? fileName, string user)
    {
        var parsed = M3uParser.Parse(content);
        if (!parsed.Ok) throw Refuse(parsed.Problems, fileName);
        var finalName = ChooseName(name, parsed.Playlist.Name, fileName);
        var entries = parsed.Playlist.Entries;
        var references = entries.Select(EntryReference.Of).ToList();
        var candidateIds = playlists.CandidateBulletinIds(
            references.Where(r => r.BulletinId is not null).Select(r => r.BulletinId!.Value),
            references.Where(r => r.Sha256 is not null).Select(r => r.Sha256!),
            references.Where(r => r.Title is not null).Select(r => r.Title!));
        var resolution = PlaylistResolver.Resolve(entries, bulletins.FindMany(candidateIds).Values.Where(scope.Sees).ToList());
        if (!resolution.Ok) throw Refuse(resolution.Problems, fileName);
        var items = resolution.Entries.Select(e => e.Bulletin).ToList();
        var playlist = playlists.Insert(finalName, items.Select(b => b.Id).ToList(), user);
        log.LogInformation("Playlist {Id} \"{Name}\" imported by {User}: {Count} items", playlist.Id, playlist.Name, user, items.Count);
        return new PlaylistDetail(playlist, items);
    }

    /// <summary>One playlist with its bulletins, or a 404 refusal.</summary>
    public PlaylistDetail Find(long id)
    {
        var playlist = playlists.Find(id) ?? throw ScopeRefusals.PlaylistNotFound(id);
        var found = bulletins.FindMany(playlist.BulletinIds);
        var items = playlist.BulletinIds.Select(b => found[b]).ToList();
        return scope.SeesPlaylist(playlist.CreatedBy, items) ? new PlaylistDetail(playlist, items) : throw ScopeRefusals.PlaylistNotFound(id);
    }

    /// <summary>The playlists the user sees, newest first.</summary>
    public IReadOnlyList<PlaylistSummary> List()
    {
        var all = playlists.List();
        if (scope.IsWhole) return all;
        return all.Where(p => playlists.Find(p.Id) is { } full && scope.SeesPlaylist(full.CreatedBy, bulletins.FindMany(full.BulletinIds).Values)).ToList();
    }

    /// <summary>The playlist as <c>.m3u8</c> text and a safe download name.</summary>
    public (string FileName, string Text) Export(long id)
    {
        var detail = Find(id);
        var text = M3uWriter.Write(detail.Playlist.Name,
            detail.Items.Select(b => new M3uExportItem(b.Id, b.Title, b.DurationSeconds, b.Sha256)));
        return (DownloadName(detail.Playlist), text);
    }

    private PlaylistRejectedException Refuse(IReadOnlyList<PlaylistProblem> problems, string? fileName)
    {
        var refusal = PlaylistMessages.Refusal(problems);
        log.LogInformation("Playlist import {FileName} refused: {Code}, {Count} problems", fileName, refusal.Code, problems.Count);
        return refusal;
    }

    private static string ChooseName(string? name, string? playlistTag, string? fileName)
    {
        var chosen = new[] { name, playlistTag, Path.GetFileNameWithoutExtension(Path.GetFileName(fileName ?? "")) }
            .FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim();
        if (chosen is null)
            throw new AppException("playlist_name_required", Msg.Get("NameThePlaylistNameFieldOr"));
        if (chosen.Length > MaxNameLength)
            throw new AppException("playlist_name_too_long", Msg.Get("ThePlaylistNameIsLongerThan"));
        return chosen;
    }

    private static string DownloadName(Playlist playlist)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var safe = new string(playlist.Name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '-' : c).ToArray()).Trim(' ', '.', '-');
        if (safe.Length > 80) safe = safe[..80].TrimEnd();
        return (safe.Length == 0 ? $"playlist-{playlist.Id}" : safe) + ".m3u8";
    }
}
