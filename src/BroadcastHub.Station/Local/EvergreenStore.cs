using System.Data;
using System.Globalization;
using System.Text.Json;
using BroadcastHub.Core.Library;
using BroadcastHub.Station.Sync;
using Dapper;

namespace BroadcastHub.Station.Local;

/// <summary>
/// The communes' evergreen playlists as the last manifest sent them (<c>evergreen_items</c>), replaced with the
/// manifest: their media is cached like booked items' and the playout fills relay gaps from them.
/// </summary>
public sealed class EvergreenStore(LocalDatabase db)
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS evergreen_items (commune_id INTEGER NOT NULL, position INTEGER NOT NULL, bulletin_id INTEGER NOT NULL,
            title TEXT NOT NULL, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL, duration_seconds REAL NOT NULL, integrated_lufs REAL NOT NULL,
            true_peak_dbtp REAL NOT NULL, frames INTEGER NOT NULL, sample_rate INTEGER NOT NULL, channels INTEGER NOT NULL,
            valid_from TEXT NULL, valid_until TEXT NULL, PRIMARY KEY (commune_id, position));
        """;

    /// <summary>Replaces every playlist with <paramref name="playlists"/> (none: a hub that does not send them clears them).</summary>
    internal static void Replace(IDbConnection connection, IDbTransaction tx, IReadOnlyList<HubEvergreen>? playlists)
    {
        connection.Execute("DELETE FROM evergreen_items", transaction: tx);
        connection.Execute("""
            INSERT INTO evergreen_items VALUES (@CommuneId, @Position, @BulletinId, @Title, @Sha256, @Bytes, @DurationSeconds, @IntegratedLufs,
                @TruePeakDbtp, @Frames, @SampleRate, @Channels, @ValidFrom, @ValidUntil)
            """,
            (playlists ?? []).SelectMany(p => p.Items.Select((i, n) => new
            {
                p.CommuneId, Position = n, i.BulletinId, i.Title, i.Sha256, i.Bytes, i.DurationSeconds, i.IntegratedLufs, i.TruePeakDbtp,
                i.Frames, i.SampleRate, i.Channels, i.ValidFrom, i.ValidUntil,
            })), tx);
    }

    /// <summary>The media of every evergreen bulletin, once each.</summary>
    public IReadOnlyList<string> Media()
    {
        using var c = db.Open();
        return c.Query<string>("SELECT DISTINCT sha256 FROM evergreen_items ORDER BY sha256").AsList();
    }

    /// <summary>The commune's evergreen bulletin ids in playlist order.</summary>
    public IReadOnlyList<long> BulletinIds(long communeId)
    {
        using var c = db.Open();
        return c.Query<long>("SELECT bulletin_id FROM evergreen_items WHERE commune_id = @communeId ORDER BY position", new { communeId }).AsList();
    }

    /// <summary>The evergreen bulletins among <paramref name="ids"/> (approved: the hub sends no others; with their validity dates).</summary>
    public IReadOnlyDictionary<long, Bulletin> Bulletins(IReadOnlyCollection<long> ids)
    {
        using var c = db.Open();
        return c.Query<(long Id, string Title, string Sha256, long Bytes, long Frames, long Rate, long Channels, double Lufs, double Peak, string? From, string? Until)>(
                """
                SELECT bulletin_id, title, sha256, bytes, frames, sample_rate, channels, integrated_lufs, true_peak_dbtp, valid_from, valid_until
                FROM evergreen_items WHERE bulletin_id IN (SELECT value FROM json_each(@ids))
                """, new { ids = JsonSerializer.Serialize(ids) })
            .DistinctBy(r => r.Id)
            .ToDictionary(r => r.Id, r => new Bulletin
            {
                Id = r.Id, Title = r.Title, OriginalFileName = "", Sha256 = r.Sha256, SizeBytes = r.Bytes, Codec = "", Frames = r.Frames,
                SampleRate = (int)r.Rate, Channels = (int)r.Channels, IntegratedLufs = r.Lufs, TruePeakDbtp = r.Peak, Status = BulletinStatus.Approved,
                ValidFrom = Date(r.From), ValidUntil = Date(r.Until),
            });
    }

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
