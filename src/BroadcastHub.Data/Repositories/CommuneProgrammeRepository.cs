using BroadcastHub.Core.Scheduling;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>A commune's programme settings as stored: underfill mode, evergreen playlist, jingles.</summary>
/// <param name="CommuneId">The commune.</param>
/// <param name="Underfill">End early or evergreen.</param>
/// <param name="EvergreenPlaylistId">The evergreen playlist, if set.</param>
/// <param name="IntroBulletinId">Intro jingle, if set.</param>
/// <param name="OutroBulletinId">Outro jingle, if set.</param>
public sealed record CommuneProgrammeSettings(long CommuneId, UnderfillMode Underfill, long? EvergreenPlaylistId, long? IntroBulletinId, long? OutroBulletinId)
{
    /// <summary>The settings of a commune that set none.</summary>
    public static CommuneProgrammeSettings Default(long communeId) => new(communeId, UnderfillMode.EndEarly, null, null, null);
}

/// <summary>Communes' programmes around their bookings (migration 0016).</summary>
public sealed class CommuneProgrammeRepository(AppDatabase db, TimeProvider time)
{
    private sealed record Row(long CommuneId, string Underfill, long? EvergreenPlaylistId, long? IntroBulletinId, long? OutroBulletinId)
    {
        public CommuneProgrammeSettings ToSettings() => new(CommuneId,
            Underfill == "evergreen" ? UnderfillMode.Evergreen : UnderfillMode.EndEarly, EvergreenPlaylistId, IntroBulletinId, OutroBulletinId);
    }

    private const string Select =
        """
        SELECT commune_id AS CommuneId, underfill, evergreen_playlist_id AS EvergreenPlaylistId,
               intro_bulletin_id AS IntroBulletinId, outro_bulletin_id AS OutroBulletinId
        FROM commune_programmes
        """;

    /// <summary>The commune's settings (the defaults when it set none).</summary>
    public CommuneProgrammeSettings Find(long communeId)
    {
        using var c = db.Open();
        return c.QuerySingleOrDefault<Row>(Select + " WHERE commune_id = @communeId", new { communeId })?.ToSettings()
            ?? CommuneProgrammeSettings.Default(communeId);
    }

    /// <summary>
    /// The bulletins of the commune's evergreen playlist in playlist order (empty when none is set), whatever its
    /// underfill mode: what fills a relay while its stream is away.
    /// </summary>
    public IReadOnlyList<long> EvergreenBulletinIds(long communeId)
    {
        using var c = db.Open();
        return c.Query<long>(
            """
            SELECT i.bulletin_id FROM commune_programmes p JOIN playlist_items i ON i.playlist_id = p.evergreen_playlist_id
            WHERE p.commune_id = @communeId ORDER BY i.position
            """, new { communeId }).AsList();
    }

    /// <summary>Every commune's evergreen playlist bulletins in playlist order (communes with none are absent), in one query.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<long>> EvergreenBulletinIdsByCommune()
    {
        using var c = db.Open();
        return c.Query<(long CommuneId, long BulletinId)>(
                """
                SELECT p.commune_id, i.bulletin_id FROM commune_programmes p JOIN playlist_items i ON i.playlist_id = p.evergreen_playlist_id
                ORDER BY p.commune_id, i.position
                """)
            .GroupBy(r => r.CommuneId).ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(r => r.BulletinId).ToList());
    }

    /// <summary>Stores the commune's settings (all of them).</summary>
    public void Save(CommuneProgrammeSettings s)
    {
        using var c = db.Open();
        c.Execute(
            """
            INSERT INTO commune_programmes (commune_id, underfill, evergreen_playlist_id, intro_bulletin_id, outro_bulletin_id, updated_at)
            VALUES (@CommuneId, @underfill, @EvergreenPlaylistId, @IntroBulletinId, @OutroBulletinId, @now)
            ON CONFLICT (commune_id) DO UPDATE SET underfill = excluded.underfill, evergreen_playlist_id = excluded.evergreen_playlist_id,
                intro_bulletin_id = excluded.intro_bulletin_id, outro_bulletin_id = excluded.outro_bulletin_id, updated_at = excluded.updated_at
            """,
            new
            {
                s.CommuneId, underfill = s.Underfill == UnderfillMode.Evergreen ? "evergreen" : "endEarly", s.EvergreenPlaylistId,
                s.IntroBulletinId, s.OutroBulletinId, now = SqlValues.Instant(time.GetUtcNow()),
            });
    }

    /// <summary>
    /// The programme of every commune that set one, keyed by commune, with the evergreen playlist's bulletins in order:
    /// two queries whatever the number of communes.
    /// </summary>
    public IReadOnlyDictionary<long, CommuneProgramme> ListProgrammes()
    {
        using var c = db.Open();
        var settings = c.Query<Row>(Select).Select(r => r.ToSettings()).ToList();
        var items = c.Query<(long PlaylistId, long BulletinId)>(
                """
                SELECT i.playlist_id, i.bulletin_id FROM playlist_items i
                WHERE i.playlist_id IN (SELECT evergreen_playlist_id FROM commune_programmes WHERE underfill = 'evergreen')
                ORDER BY i.playlist_id, i.position
                """)
            .ToLookup(i => i.PlaylistId, i => i.BulletinId);
        return settings.ToDictionary(s => s.CommuneId, s => new CommuneProgramme(
            s.EvergreenPlaylistId is null ? UnderfillMode.EndEarly : s.Underfill,
            s.Underfill == UnderfillMode.Evergreen && s.EvergreenPlaylistId is { } p ? items[p].ToList() : [],
            s.IntroBulletinId, s.OutroBulletinId));
    }
}
