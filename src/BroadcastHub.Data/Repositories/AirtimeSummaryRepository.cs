using BroadcastHub.Core.Airtime;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>Report queries over the airtime log: the compliance summary per commune, and the log with names for export.</summary>
public sealed class AirtimeSummaryRepository(AppDatabase db)
{
    // Communes in scope: all (unit null) or those of the unit's subtree (the unit and every unit below it).
    private const string Scope =
        """
        WITH RECURSIVE subtree(id) AS (
            SELECT id FROM units WHERE id = @unitId
            UNION SELECT u.id FROM units u JOIN subtree s ON u.parent_unit_id = s.id),
        scope AS (
            SELECT c.id, c.name, z.id AS zone_id FROM communes c JOIN zones z ON z.commune_id = c.id
            WHERE @unitId IS NULL OR c.parent_unit_id IN (SELECT id FROM subtree))
        """;

    /// <summary>
    /// Planned against aired per commune for occurrences starting in [from, to), one row per commune in scope (also
    /// those with nothing planned), by name. Planned counts rundown items of occurrences that were not cancelled;
    /// outcomes count the airtime records of the same occurrences.
    /// </summary>
    public IReadOnlyList<CommuneAirtimeSummary> Summarize(DateTimeOffset from, DateTimeOffset to, long? unitId) =>
        db.Cache.Get($"airtime-summary|{from.UtcTicks}|{to.UtcTicks}|{unitId}", () => SummarizeNow(from, to, unitId));

    private IReadOnlyList<CommuneAirtimeSummary> SummarizeNow(DateTimeOffset from, DateTimeOffset to, long? unitId)
    {
        using var c = db.Open();
        if (db.Dialect.IsPostgres)
            return c.Query<CommuneAirtimeSummary>(ZonesScope + "\n" + PerZoneTally,
                new { from = SqlValues.Instant(from), to = SqlValues.Instant(to), zones = ZonesInScope(c, unitId) }).ToList();
        return c.Query<CommuneAirtimeSummary>(Scope + "\n" + TallyPerCommune,
            new { from = SqlValues.Instant(from), to = SqlValues.Instant(to), unitId }).ToList();
    }

    // PostgreSQL: the zones in scope are resolved first (one small query), because the recursive unit tree's row estimate
    // is far off and made the server read the whole country's occurrences of the period.
    private const string ZonesScope =
        """
        WITH scope AS (
            SELECT c.id, c.name, z.id AS zone_id FROM communes c JOIN zones z ON z.commune_id = c.id WHERE z.id = ANY(@zones))
        """;

    private static long[] ZonesInScope(System.Data.IDbConnection c, long? unitId) =>
        c.Query<long>(Scope + " SELECT zone_id FROM scope", new { unitId }).ToArray();

    // The occurrence tally (migration 0034, kept by triggers) holds each occurrence's zone, start, cancelled flag, rundown
    // items and outcomes: a zone's period is one range of ix_occurrence_tally_zone_start, read from the index alone.
    // A commune has one zone (zones.commune_id is unique).
    private const string Totals =
        """
        sum(CASE WHEN t.cancelled = 0 THEN t.items ELSE 0 END) AS planned, sum(t.aired) AS aired, sum(t.late) AS late,
        sum(t.missed) AS missed, sum(t.truncated) AS truncated, sum(t.preempted) AS preempted, sum(t.failed) AS failed,
        sum(t.interrupted) AS interrupted, sum(t.skipped) AS skipped, sum(t.seconds) AS seconds
        """;

    private const string Columns =
        """
        SELECT s.id AS CommuneId, s.name AS CommuneName, coalesce(t.planned, 0) AS Planned,
            coalesce(t.aired, 0) AS Aired, coalesce(t.late, 0) AS Late, coalesce(t.missed, 0) AS Missed,
            coalesce(t.truncated, 0) AS Truncated, coalesce(t.preempted, 0) AS Preempted, coalesce(t.failed, 0) AS Failed,
            coalesce(t.interrupted, 0) AS Interrupted, coalesce(t.skipped, 0) AS Skipped,
            coalesce(t.seconds, 0) / 60.0 AS MinutesAired
        """;

    private const string PerZoneTally =
        $"""
        {Columns}
        FROM scope s CROSS JOIN LATERAL (SELECT {Totals}
            FROM occurrence_tally t WHERE t.zone_id = s.zone_id AND t.start_utc >= @from AND t.start_utc < @to) t
        ORDER BY s.name, s.id
        """;

    private const string TallyPerCommune =
        $"""
        , totals AS (
            SELECT s.zone_id, {Totals}
            FROM scope s JOIN occurrence_tally t ON t.zone_id = s.zone_id AND t.start_utc >= @from AND t.start_utc < @to
            GROUP BY s.zone_id)
        {Columns}
        FROM scope s LEFT JOIN totals t ON t.zone_id = s.zone_id
        ORDER BY s.name, s.id
        """;

    /// <summary>
    /// Records whose scheduled start is in [from, to) of the communes in scope, with commune and bulletin names, in
    /// time order; streamed, so a long period never sits in memory at once.
    /// </summary>
    public IEnumerable<AirtimeLogLine> Lines(DateTimeOffset from, DateTimeOffset to, long? unitId)
    {
        var starts = db.Dialect.IsPostgres ? AirtimeLead.OccurrenceStarts(db, from, to) : null;
        using var c = db.Open();
        var rows = starts is { } bounds
            ? c.Query<AirtimeRepository.Row>(ZonesScope +
                """
                SELECT a.*, s.id AS commune_id, s.name AS commune_name, coalesce(b.title, r.name) AS bulletin_title FROM scope s
                CROSS JOIN LATERAL (SELECT o.id FROM occurrences o
                    WHERE o.zone_id = s.zone_id AND o.start_utc >= @startFrom AND o.start_utc < @startTo) o
                JOIN airtime a ON a.occurrence_id = o.id
                LEFT JOIN bulletins b ON b.id = a.bulletin_id LEFT JOIN relay_sources r ON r.id = a.relay_source_id
                WHERE a.scheduled_start >= @from AND a.scheduled_start < @to
                ORDER BY a.scheduled_start, a.occurrence_id, a.position
                """,
                new
                {
                    from = SqlValues.Instant(from), to = SqlValues.Instant(to), zones = ZonesInScope(c, unitId),
                    startFrom = bounds.From, startTo = bounds.To,
                }, buffered: false)
            : c.Query<AirtimeRepository.Row>(Scope +
            """
            SELECT a.*, s.id AS commune_id, s.name AS commune_name, coalesce(b.title, r.name) AS bulletin_title FROM airtime a
            JOIN occurrences o ON o.id = a.occurrence_id JOIN scope s ON s.zone_id = o.zone_id
            LEFT JOIN bulletins b ON b.id = a.bulletin_id LEFT JOIN relay_sources r ON r.id = a.relay_source_id
            WHERE a.scheduled_start >= @from AND a.scheduled_start < @to
            ORDER BY a.scheduled_start, a.occurrence_id, a.position
            """,
            new { from = SqlValues.Instant(from), to = SqlValues.Instant(to), unitId }, buffered: false);
        foreach (var row in rows) yield return row.ToLine();
    }
}
