using System.Globalization;
using System.Text.Json;
using BroadcastHub.Station.Sync;
using Dapper;

namespace BroadcastHub.Station.Local;

/// <summary>What the last stored manifest says: its version, when it was synced and how far the cache covers.</summary>
public sealed record LocalSyncState(string Version, DateTimeOffset SyncedAt, DateTimeOffset WindowFrom, DateTimeOffset WindowUntil,
    DateTimeOffset? CacheReadyUntil);

/// <summary>A stored rundown item's media, in air order.</summary>
public sealed record LocalMedia(long OccurrenceId, DateTimeOffset OccurrenceStart, string Sha256);

/// <summary>The manifest window in the local database; each sync replaces it whole, in one transaction.</summary>
public sealed class ManifestStore(LocalDatabase db)
{
    private static readonly string[] NotToAir = ["Cancelled", "Missed"];

    /// <summary>How long the local copy of an occurrence the playout claimed is kept after its end (crash recovery reads it).</summary>
    public static readonly TimeSpan AiredKept = TimeSpan.FromDays(8);

    /// <summary>
    /// Replaces zones, occurrences and items with <paramref name="manifest"/>'s: what the hub dropped, cancelled or marked
    /// missed disappears. Occurrences the playout already claimed or marked here stay as they were aired (their rundown is
    /// what crash recovery and the airtime log refer to) until <see cref="AiredKept"/> after their end.
    /// </summary>
    public void Replace(HubManifest manifest, DateTimeOffset syncedAt)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        connection.Execute("""
            DELETE FROM airing_state WHERE occurrence_id IN (SELECT id FROM occurrences WHERE end_utc < @Before)
                OR occurrence_id NOT IN (SELECT id FROM occurrences);
            DELETE FROM occurrences WHERE id NOT IN (SELECT occurrence_id FROM airing_state);
            DELETE FROM zones;
            """, new { Before = Instant(syncedAt - AiredKept) }, tx);
        var kept = connection.Query<long>("SELECT occurrence_id FROM airing_state", transaction: tx).ToHashSet();
        connection.Execute("INSERT INTO zones VALUES (@ZoneId, @CommuneId, @CommuneName, @PolicyJson)",
            manifest.Zones.Select(z => new { z.ZoneId, z.CommuneId, z.CommuneName, PolicyJson = JsonSerializer.Serialize(z.Policy, JsonSerializerOptions.Web) }), tx);
        // Sources are kept (a claimed occurrence's relay still names its source) and refreshed with the hub's name and URL.
        connection.Execute("""
            INSERT INTO relay_sources (id, name, url) VALUES (@Id, @Name, @Url)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, url = excluded.url
            """, manifest.RelaySources ?? [], tx);
        EvergreenStore.Replace(connection, tx, manifest.Evergreen);
        Insert(connection, tx, manifest.Occurrences.Where(o => !NotToAir.Contains(o.State, StringComparer.OrdinalIgnoreCase) && !kept.Contains(o.Id)));
        connection.Execute("""
            INSERT INTO sync_state (id, version, synced_at, window_from, window_until, cache_ready_until) VALUES (1, @Version, @SyncedAt, @From, @Until, NULL)
            ON CONFLICT (id) DO UPDATE SET version = excluded.version, synced_at = excluded.synced_at, window_from = excluded.window_from,
                window_until = excluded.window_until,
                cache_ready_until = CASE WHEN sync_state.version = excluded.version THEN sync_state.cache_ready_until ELSE NULL END
            """, new { manifest.Version, SyncedAt = Instant(syncedAt), From = Instant(manifest.From), Until = Instant(manifest.Until) }, tx);
        tx.Commit();
    }

    /// <summary>Stores one occurrence the hub sent outside a manifest (an emergency pushed to air at once); false when it is known.</summary>
    public bool Add(HubOccurrence occurrence)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        if (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM occurrences WHERE id = @Id", new { occurrence.Id }, tx) > 0) return false;
        Insert(connection, tx, [occurrence]);
        tx.Commit();
        return true;
    }

    private static void Insert(System.Data.IDbConnection connection, System.Data.IDbTransaction tx, IEnumerable<HubOccurrence> occurrences)
    {
        var toAir = occurrences.ToList();
        connection.Execute("INSERT INTO occurrences VALUES (@Id, @ZoneId, @CommuneId, @SessionId, @LocalDate, @Start, @End, @State)",
            toAir.Select(o => new { o.Id, o.ZoneId, o.CommuneId, o.SessionId, o.LocalDate, Start = Instant(o.Start), End = Instant(o.End), o.State }), tx);
        connection.Execute("""
            INSERT INTO rundown_items VALUES (@OccurrenceId, @Position, @BulletinId, @Title, @Sha256, @Bytes, @DurationSeconds, @IntegratedLufs,
                @TruePeakDbtp, @OffsetSeconds, @PlannedStart, @NotBeforeSeconds, @BookingId, @Fill, @Frames, @SampleRate, @Channels,
                @RelaySourceId, @RelaySeconds)
            """,
            toAir.SelectMany(o => o.Items.Select(i => new
            {
                OccurrenceId = o.Id, i.Position, i.BulletinId, i.Title, i.Sha256, i.Bytes, i.DurationSeconds, i.IntegratedLufs, i.TruePeakDbtp,
                i.OffsetSeconds, PlannedStart = Instant(i.PlannedStart), i.NotBeforeSeconds, i.BookingId, i.Fill, i.Frames, i.SampleRate, i.Channels,
                RelaySourceId = i.Relay?.SourceId, RelaySeconds = i.Relay?.Seconds,
            })), tx);
    }

    /// <summary>Records how far ahead every item's media is cached and verified.</summary>
    public void SetCacheReadyUntil(DateTimeOffset until)
    {
        using var connection = db.Open();
        connection.Execute("UPDATE sync_state SET cache_ready_until = @Until", new { Until = Instant(until) });
    }

    /// <summary>The last stored manifest's facts, or null before the first sync.</summary>
    public LocalSyncState? State()
    {
        using var connection = db.Open();
        var row = connection.QuerySingleOrDefault<(string Version, string SyncedAt, string From, string Until, string? Ready)>(
            "SELECT version, synced_at, window_from, window_until, cache_ready_until FROM sync_state WHERE id = 1");
        return row.Version is null ? null
            : new LocalSyncState(row.Version, Parse(row.SyncedAt), Parse(row.From), Parse(row.Until), row.Ready is null ? null : Parse(row.Ready));
    }

    /// <summary>Occurrence ids stored locally.</summary>
    public IReadOnlyList<long> OccurrenceIds()
    {
        using var connection = db.Open();
        return connection.Query<long>("SELECT id FROM occurrences ORDER BY start_utc, id").AsList();
    }

    /// <summary>Start of the first stored occurrence after <paramref name="now"/> that was not claimed or missed here.</summary>
    public DateTimeOffset? NextStart(DateTimeOffset now)
    {
        using var connection = db.Open();
        var start = connection.QueryFirstOrDefault<string?>(
            "SELECT start_utc FROM occurrences WHERE start_utc > @Now AND id NOT IN (SELECT occurrence_id FROM airing_state) ORDER BY start_utc LIMIT 1",
            new { Now = Instant(now) });
        return start is null ? null : Parse(start);
    }

    /// <summary>Zone ids stored locally.</summary>
    public IReadOnlyList<long> ZoneIds()
    {
        using var connection = db.Open();
        return connection.Query<long>("SELECT zone_id FROM zones ORDER BY zone_id").AsList();
    }

    /// <summary>Every item's media, in the order it airs (occurrence start, then position); relay items have none.</summary>
    public IReadOnlyList<LocalMedia> MediaInAirOrder()
    {
        using var connection = db.Open();
        return connection.Query<(long Id, string Start, string Sha256)>("""
            SELECT o.id, o.start_utc, i.sha256 FROM rundown_items i JOIN occurrences o ON o.id = i.occurrence_id
            WHERE i.relay_source_id IS NULL
            ORDER BY o.start_utc, o.id, i.position
            """).Select(r => new LocalMedia(r.Id, Parse(r.Start), r.Sha256)).ToList();
    }

    /// <summary>The media of the communes' evergreen playlists (cached like booked items': they fill relay gaps).</summary>
    public IReadOnlyList<string> EvergreenMedia() => new EvergreenStore(db).Media();

    internal static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    internal static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
