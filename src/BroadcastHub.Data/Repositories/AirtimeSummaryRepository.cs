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
            return c.Query<CommuneAirtimeSummary>(ZonesScope + PerZoneOccurrences + Counts,
                new { from = SqlValues.Instant(from), to = SqlValues.Instant(to), zones = ZonesInScope(c, unitId) }).ToList();
        return c.Query<CommuneAirtimeSummary>(Scope +
            """
            , occ AS (
                SELECT o.id, o.state, s.id AS commune_id FROM scope s
                JOIN occurrences o ON o.zone_id = s.zone_id AND o.start_utc >= @from AND o.start_utc < @to)
            """ + Counts,
            new { from = SqlValues.Instant(from), to = SqlValues.Instant(to), unitId }).ToList();
    }

    // PostgreSQL: the zones in scope are resolved first (one small query), because the recursive unit tree's row estimate
    // is far off and made the server read the whole country's occurrences of the period; then each zone's occurrences
    // are read from ix_occurrences_zone_start (LATERAL: one index range per zone).
    private const string ZonesScope =
        """
        WITH scope AS (
            SELECT c.id, c.name, z.id AS zone_id FROM communes c JOIN zones z ON z.commune_id = c.id WHERE z.id = ANY(@zones))
        """;

    private const string PerZoneOccurrences =
        """
        , occ AS (
            SELECT o.id, o.state, s.id AS commune_id FROM scope s
            CROSS JOIN LATERAL (SELECT o.id, o.state FROM occurrences o
                WHERE o.zone_id = s.zone_id AND o.start_utc >= @from AND o.start_utc < @to) o)
        """;

    private static long[] ZonesInScope(System.Data.IDbConnection c, long? unitId) =>
        c.Query<long>(Scope + " SELECT zone_id FROM scope", new { unitId }).ToArray();

    // Planned and aired per commune of the occurrences in "occ", one row per commune in scope, by name.
    private const string Counts =
        """
        ,
            planned AS (
                SELECT occ.commune_id, count(*) AS n FROM occ JOIN rundown_items r ON r.occurrence_id = occ.id
                WHERE occ.state <> 'Cancelled' GROUP BY occ.commune_id),
            aired AS (
                SELECT occ.commune_id,
                    sum(CASE WHEN a.outcome IN ('Completed', 'Late') THEN 1 ELSE 0 END) AS aired, sum(CASE WHEN a.outcome = 'Late' THEN 1 ELSE 0 END) AS late,
                    sum(CASE WHEN a.outcome = 'Missed' THEN 1 ELSE 0 END) AS missed, sum(CASE WHEN a.outcome = 'Truncated' THEN 1 ELSE 0 END) AS truncated,
                    sum(CASE WHEN a.outcome = 'Preempted' THEN 1 ELSE 0 END) AS preempted, sum(CASE WHEN a.outcome = 'Failed' THEN 1 ELSE 0 END) AS failed,
                    sum(CASE WHEN a.outcome = 'Interrupted' THEN 1 ELSE 0 END) AS interrupted, sum(CASE WHEN a.outcome = 'Skipped' THEN 1 ELSE 0 END) AS skipped,
                    sum(a.played_seconds) AS seconds
                FROM occ JOIN airtime a ON a.occurrence_id = occ.id GROUP BY occ.commune_id)
            SELECT s.id AS CommuneId, s.name AS CommuneName, coalesce(p.n, 0) AS Planned,
                coalesce(a.aired, 0) AS Aired, coalesce(a.late, 0) AS Late, coalesce(a.missed, 0) AS Missed,
                coalesce(a.truncated, 0) AS Truncated, coalesce(a.preempted, 0) AS Preempted, coalesce(a.failed, 0) AS Failed,
                coalesce(a.interrupted, 0) AS Interrupted, coalesce(a.skipped, 0) AS Skipped,
                coalesce(a.seconds, 0) / 60.0 AS MinutesAired
            FROM scope s LEFT JOIN planned p ON p.commune_id = s.id LEFT JOIN aired a ON a.commune_id = s.id
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
                SELECT a.*, s.id AS commune_id, s.name AS commune_name, b.title AS bulletin_title FROM scope s
                CROSS JOIN LATERAL (SELECT o.id FROM occurrences o
                    WHERE o.zone_id = s.zone_id AND o.start_utc >= @startFrom AND o.start_utc < @startTo) o
                JOIN airtime a ON a.occurrence_id = o.id JOIN bulletins b ON b.id = a.bulletin_id
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
