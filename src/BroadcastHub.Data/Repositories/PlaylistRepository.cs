using System.Text;
using BroadcastHub.Core.Playlists;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>Playlists (programmes) and their ordered items.</summary>
public sealed class PlaylistRepository(AppDatabase db, TimeProvider time)
{
    private sealed record Row(long Id, string Name, string CreatedAt, string CreatedBy);

    private sealed class SummaryRow
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public long ItemCount { get; set; }
        public double TotalSeconds { get; set; }
        public string CreatedAt { get; set; } = "";
        public string CreatedBy { get; set; } = "";
    }

    /// <summary>Stores a playlist and its items in one transaction and returns it with its id.</summary>
    public Playlist Insert(string name, IReadOnlyList<long> bulletinIds, string createdBy) => db.InTransaction((c, t) =>
    {
        var now = time.GetUtcNow();
        var id = c.ExecuteScalar<long>(
            "INSERT INTO playlists (name, created_at, created_by) VALUES (@name, @now, @createdBy) RETURNING id",
            new { name, now = SqlValues.Instant(now), createdBy }, t);
        c.Execute("INSERT INTO playlist_items (playlist_id, position, bulletin_id) VALUES (@id, @position, @bulletinId)",
            bulletinIds.Select((bulletinId, position) => new { id, position, bulletinId }), t);
        return new Playlist(id, name, bulletinIds, SqlValues.ParseInstant(SqlValues.Instant(now)), createdBy);
    });

    /// <summary>One playlist with its items in order, or null.</summary>
    public Playlist? Find(long id)
    {
        using var c = db.Open();
        var row = c.QuerySingleOrDefault<Row>(
            "SELECT id, name, created_at AS CreatedAt, created_by AS CreatedBy FROM playlists WHERE id = @id", new { id });
        if (row is null) return null;
        var items = c.Query<long>("SELECT bulletin_id FROM playlist_items WHERE playlist_id = @id ORDER BY position", new { id }).ToList();
        return new Playlist(row.Id, row.Name, items, SqlValues.ParseInstant(row.CreatedAt), row.CreatedBy);
    }

    /// <summary>All playlists, newest first, with their entry count and total length.</summary>
    public IReadOnlyList<PlaylistSummary> List()
    {
        using var c = db.Open();
        return c.Query<SummaryRow>(
            """
            SELECT p.id, p.name, COUNT(i.bulletin_id) AS ItemCount,
                   COALESCE(SUM(CASE WHEN b.sample_rate > 0 THEN CAST(b.frames AS DOUBLE PRECISION) / b.sample_rate ELSE 0.0 END), 0.0) AS TotalSeconds,
                   p.created_at AS CreatedAt, p.created_by AS CreatedBy
            FROM playlists p
            LEFT JOIN playlist_items i ON i.playlist_id = p.id
            LEFT JOIN bulletins b ON b.id = i.bulletin_id
            GROUP BY p.id ORDER BY p.id DESC
            """).Select(r => new PlaylistSummary(r.Id, r.Name, (int)r.ItemCount, r.TotalSeconds,
                SqlValues.ParseInstant(r.CreatedAt), r.CreatedBy)).ToList();
    }

    /// <summary>
    /// Ids of the bulletins that an import may match: those with one of <paramref name="ids"/>, one of the audio
    /// hashes <paramref name="sha256s"/>, or one of <paramref name="titles"/> (compared in both NFC and NFD forms).
    /// </summary>
    public IReadOnlyList<long> CandidateBulletinIds(IEnumerable<long> ids, IEnumerable<string> sha256s, IEnumerable<string> titles)
    {
        var titleForms = titles.SelectMany(t => new[] { t.Normalize(NormalizationForm.FormC), t.Normalize(NormalizationForm.FormD) })
            .Distinct().ToArray();
        using var c = db.Open();
        return c.Query<long>(
            $"SELECT id FROM bulletins WHERE {db.Dialect.In("id", "@ids")} OR {db.Dialect.In("lower(sha256)", "@shas")} OR {db.Dialect.In("trim(title)", "@titles")}",
            new { ids = ids.Distinct().ToArray(), shas = sha256s.Distinct().ToArray(), titles = titleForms }).ToList();
    }
}
