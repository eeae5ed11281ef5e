using BroadcastHub.Core.Airtime;
using Dapper;
using System.Data.Common;

namespace BroadcastHub.Data.Repositories;

/// <summary>The append-only, hash-chained airtime log (nhật ký phát).</summary>
public sealed class AirtimeRepository(AppDatabase db)
{
    /// <summary>A stored airtime row; report queries add the commune's and bulletin's names.</summary>
    internal sealed class Row
    {
        public long Id { get; set; }
        public long OccurrenceId { get; set; }
        public int Position { get; set; }
        public long? BulletinId { get; set; }
        public long? RelaySourceId { get; set; }
        public double? OutageSeconds { get; set; }
        public int? Outages { get; set; }
        public string? RecordingPath { get; set; }
        public long CommuneId { get; set; }
        public string ScheduledStart { get; set; } = "";
        public string? ActualStart { get; set; }
        public string? ActualEnd { get; set; }
        public double PlayedSeconds { get; set; }
        public string Outcome { get; set; } = "";
        public string? Error { get; set; }
        public string RecordedAt { get; set; } = "";
        public string? PrevHash { get; set; }
        public string? Hash { get; set; }
        public string? CommuneName { get; set; }
        public string? BulletinTitle { get; set; }
        public AirtimeLogLine ToLine() => new(ToRecord(), CommuneName ?? $"#{CommuneId}", BulletinTitle ?? $"#{BulletinId ?? RelaySourceId}");
        public AirtimeRecord ToRecord() => new()
        {
            Id = Id, OccurrenceId = OccurrenceId, Position = Position, BulletinId = BulletinId ?? 0, CommuneId = CommuneId,
            RelaySourceId = RelaySourceId, OutageSeconds = OutageSeconds, Outages = Outages, RecordingPath = RecordingPath,
            ScheduledStart = SqlValues.ParseInstant(ScheduledStart), ActualStart = SqlValues.ParseInstantOrNull(ActualStart),
            ActualEnd = SqlValues.ParseInstantOrNull(ActualEnd), PlayedSeconds = PlayedSeconds,
            Outcome = Enum.Parse<AirtimeOutcome>(Outcome), Error = Error, RecordedAt = SqlValues.ParseInstant(RecordedAt),
            PrevHash = PrevHash, Hash = Hash,
        };
    }

    /// <summary>
    /// Appends a record and links it into the hash chain, in one write transaction that holds the chain's lock
    /// (SQLite's write lock; PostgreSQL's advisory lock, shared by every hub node) so that concurrent zones append one
    /// after the other. Returns false (and changes nothing, the chain included) when this
    /// item of this occurrence is already recorded: the unique key makes a second airing impossible to record.
    /// </summary>
    public bool TryAppend(AirtimeRecord r)
    {
        using var c = db.Open();
        using var t = db.Dialect.BeginWrite(c);
        db.Dialect.Serialise(c, t, LockKeys.AirtimeChain);
        var key = new { r.OccurrenceId, r.Position };
        if (c.ExecuteScalar<long?>("SELECT id FROM airtime WHERE occurrence_id = @OccurrenceId AND position = @Position", key, t) is not null)
            return false;
        var (lastId, lastHash) = c.QuerySingleOrDefault<(long, string?)>("SELECT id, hash FROM airtime ORDER BY id DESC LIMIT 1", transaction: t);
        var place = c.QuerySingle<(long? ZoneId, long? CommuneId, string? Sha256)>(
            """
            SELECT (SELECT zone_id FROM occurrences WHERE id = @OccurrenceId),
                (SELECT z.commune_id FROM occurrences o JOIN zones z ON z.id = o.zone_id WHERE o.id = @OccurrenceId),
                (SELECT sha256 FROM bulletins WHERE id = @BulletinId)
            """, new { r.OccurrenceId, r.BulletinId }, t);
        var relay = r.RelaySourceId is { } sourceId ? new AirtimeChainRelay(sourceId, r.OutageSeconds, r.Outages, r.RecordingPath) : null;
        var entry = new AirtimeChainEntry(lastId + 1, r.OccurrenceId, r.Position, relay is null ? r.BulletinId : null,
            SqlValues.Instant(r.ScheduledStart), SqlValues.Instant(r.ActualStart), SqlValues.Instant(r.ActualEnd), r.PlayedSeconds,
            r.Outcome.ToString(), r.Error, SqlValues.Instant(r.RecordedAt), new AirtimeChainPlace(place.ZoneId, place.CommuneId, place.Sha256), relay);
        var prevHash = lastHash ?? AirtimeChain.Genesis;
        try
        {
            c.Execute(
                """
                INSERT INTO airtime (id, occurrence_id, position, bulletin_id, scheduled_start, actual_start, actual_end,
                    played_seconds, outcome, error, recorded_at, prev_hash, hash, chain_form,
                    relay_source_id, outage_seconds, outages, recording_path)
                VALUES (@Id, @OccurrenceId, @Position, @BulletinId, @ScheduledStart, @ActualStart, @ActualEnd,
                    @PlayedSeconds, @Outcome, @Error, @RecordedAt, @prevHash, @hash, @Form,
                    @RelaySourceId, @OutageSeconds, @Outages, @RecordingPath)
                """,
                new
                {
                    entry.Id, entry.OccurrenceId, entry.Position, entry.BulletinId, entry.ScheduledStart, entry.ActualStart,
                    entry.ActualEnd, entry.PlayedSeconds, entry.Outcome, entry.Error, entry.RecordedAt, entry.Form,
                    prevHash, hash = AirtimeChain.Hash(entry, prevHash),
                    relay?.RelaySourceId, relay?.OutageSeconds, relay?.Outages, relay?.RecordingPath,
                }, t);
        }
        catch (DbException e) when (SqlDialect.IsUniqueViolation(e))
        {
            return false;
        }
        t.Commit();
        return true;
    }

    /// <summary>Records whose scheduled start is in [from, to), optionally of one commune, in time order.</summary>
    public IReadOnlyList<AirtimeRecord> Query(DateTimeOffset from, DateTimeOffset to, long? communeId = null, int limit = 10_000) =>
        db.Cache.Get($"airtime|{from.UtcTicks}|{to.UtcTicks}|{communeId}|{limit}", () => QueryNow(from, to, communeId, limit));

    private IReadOnlyList<AirtimeRecord> QueryNow(DateTimeOffset from, DateTimeOffset to, long? communeId, int limit)
    {
        if (db.Dialect.IsPostgres && communeId is not null && AirtimeLead.OccurrenceStarts(db, from, to) is { } starts)
            return QueryCommunePostgres(from, to, communeId.Value, starts, limit);
        using var c = db.Open();
        return c.Query<Row>(
            """
            SELECT a.*, z.commune_id FROM airtime a
            JOIN occurrences o ON o.id = a.occurrence_id JOIN zones z ON z.id = o.zone_id
            WHERE a.scheduled_start >= @from AND a.scheduled_start < @to AND (@communeId IS NULL OR z.commune_id = @communeId)
            ORDER BY a.scheduled_start, a.occurrence_id, a.position LIMIT @limit
            """,
            new { from = SqlValues.Instant(from), to = SqlValues.Instant(to), communeId, limit }).Select(r => r.ToRecord()).ToList();
    }

    // PostgreSQL, one commune: through its zones' occurrences of the period (ix_occurrences_zone_start), then their records;
    // the portable form reads the whole hub's records of the period through ix_airtime_scheduled first.
    private IReadOnlyList<AirtimeRecord> QueryCommunePostgres(DateTimeOffset from, DateTimeOffset to, long communeId, (string From, string To) starts, int limit)
    {
        using var c = db.Open();
        return c.Query<Row>(
            """
            SELECT a.*, z.commune_id FROM zones z
            JOIN occurrences o ON o.zone_id = z.id AND o.start_utc >= @startFrom AND o.start_utc < @startTo
            JOIN airtime a ON a.occurrence_id = o.id
            WHERE z.commune_id = @communeId AND a.scheduled_start >= @from AND a.scheduled_start < @to
            ORDER BY a.scheduled_start, a.occurrence_id, a.position LIMIT @limit
            """,
            new { from = SqlValues.Instant(from), to = SqlValues.Instant(to), communeId, startFrom = starts.From, startTo = starts.To, limit })
            .Select(r => r.ToRecord()).ToList();
    }

    /// <summary>Records whose scheduled start is in [from, to) of any of <paramref name="communeIds"/>, in time order.</summary>
    public IReadOnlyList<AirtimeRecord> QueryCommunes(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<long> communeIds, int limit = 10_000)
    {
        using var c = db.Open();
        return c.Query<Row>(
            $"""
            SELECT a.*, z.commune_id FROM airtime a
            JOIN occurrences o ON o.id = a.occurrence_id JOIN zones z ON z.id = o.zone_id
            WHERE a.scheduled_start >= @from AND a.scheduled_start < @to AND {db.Dialect.In("z.commune_id", "@communeIds")}
            ORDER BY a.scheduled_start, a.occurrence_id, a.position LIMIT @limit
            """,
            new { from = SqlValues.Instant(from), to = SqlValues.Instant(to), communeIds = communeIds.ToArray(), limit })
            .Select(r => r.ToRecord()).ToList();
    }

    /// <summary>Positions already recorded for an occurrence.</summary>
    public IReadOnlySet<int> RecordedPositions(long occurrenceId)
    {
        using var c = db.Open();
        return c.Query<int>("SELECT position FROM airtime WHERE occurrence_id = @occurrenceId", new { occurrenceId }).ToHashSet();
    }

    /// <summary>
    /// Walks the whole chain in id order, one record at a time, and reports whether and where it breaks; with a
    /// signature-checked <paramref name="checkpoint"/>, also whether the log still reaches the head it signed.
    /// </summary>
    public AirtimeChainReport Verify(AirtimeCheckpoint? checkpoint = null) =>
        AirtimeChainVerifier.Verify(StoredLinks(), LegacyUntilId(), checkpoint);

    /// <summary>The chain's origin: records up to this id were written before the chain existed.</summary>
    public long LegacyUntilId()
    {
        using var c = db.Open();
        return c.ExecuteScalar<long?>("SELECT max(legacy_until_id) FROM airtime_chain_origin") ?? 0;
    }

    private IEnumerable<StoredChainLink> StoredLinks()
    {
        using var c = db.Open();
        using var command = c.CreateCommand();
        command.CommandText =
            """
            SELECT a.id, a.occurrence_id, a.position, a.bulletin_id, a.scheduled_start, a.actual_start, a.actual_end, a.played_seconds,
                a.outcome, a.error, a.recorded_at, a.prev_hash, a.hash, a.chain_form, o.zone_id, z.commune_id, b.sha256,
                a.relay_source_id, a.outage_seconds, a.outages, a.recording_path
            FROM airtime a LEFT JOIN occurrences o ON o.id = a.occurrence_id LEFT JOIN zones z ON z.id = o.zone_id
            LEFT JOIN bulletins b ON b.id = a.bulletin_id
            ORDER BY a.id
            """;
        using var r = command.ExecuteReader();
        while (r.Read())
            yield return new StoredChainLink(
                new AirtimeChainEntry(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetInt64(3), r.GetString(4), Text(r, 5),
                    Text(r, 6), r.GetDouble(7), r.GetString(8), Text(r, 9), r.GetString(10), r.GetInt64(13) >= 2 ? Place(r) : null,
                    r.GetInt64(13) >= 3 ? Relay(r) : null),
                Text(r, 11), Text(r, 12));
    }

    private static AirtimeChainPlace Place(DbDataReader r) =>
        new(r.IsDBNull(14) ? null : r.GetInt64(14), r.IsDBNull(15) ? null : r.GetInt64(15), Text(r, 16));

    private static AirtimeChainRelay Relay(DbDataReader r) =>
        new(r.IsDBNull(17) ? 0 : r.GetInt64(17), r.IsDBNull(18) ? null : r.GetDouble(18), r.IsDBNull(19) ? null : r.GetInt64(19), Text(r, 20));

    private static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
