using BroadcastHub.Core.Airtime;
using BroadcastHub.Data.Repositories;
using Dapper;

namespace BroadcastHub.Data.Tests;

/// <summary>
/// The compliance summary counted straight from the rows, in portable SQL (what <see cref="AirtimeSummaryRepository.Summarize"/>
/// ran before the occurrence tally of migration 0034): the oracle the tally-based summary must equal on both engines.
/// </summary>
internal static class AirtimeSummaryOracle
{
    public static IReadOnlyList<CommuneAirtimeSummary> Summarize(AppDatabase db, DateTimeOffset from, DateTimeOffset to, long? unitId)
    {
        using var c = db.Open();
        return c.Query<CommuneAirtimeSummary>(
            """
            WITH RECURSIVE subtree(id) AS (
                SELECT id FROM units WHERE id = @unitId
                UNION SELECT u.id FROM units u JOIN subtree s ON u.parent_unit_id = s.id),
            scope AS (
                SELECT c.id, c.name, z.id AS zone_id FROM communes c JOIN zones z ON z.commune_id = c.id
                WHERE @unitId IS NULL OR c.parent_unit_id IN (SELECT id FROM subtree)),
            occ AS (
                SELECT o.id, o.state, s.id AS commune_id FROM scope s
                JOIN occurrences o ON o.zone_id = s.zone_id AND o.start_utc >= @from AND o.start_utc < @to),
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
            """, new { from = SqlValues.Instant(from), to = SqlValues.Instant(to), unitId }).ToList();
    }

    /// <summary>Each occurrence's tally as the triggers must have left it, recounted from the rows.</summary>
    public const string Recount =
        """
        SELECT o.id, o.zone_id, o.start_utc, CASE WHEN o.state = 'Cancelled' THEN 1 ELSE 0 END AS cancelled,
            (SELECT count(*) FROM rundown_items r WHERE r.occurrence_id = o.id) AS items,
            (SELECT count(*) FROM airtime a WHERE a.occurrence_id = o.id AND a.outcome IN ('Completed', 'Late')) AS aired,
            (SELECT count(*) FROM airtime a WHERE a.occurrence_id = o.id AND a.outcome = 'Missed') AS missed,
            (SELECT coalesce(sum(a.played_seconds), 0.0) FROM airtime a WHERE a.occurrence_id = o.id) AS seconds
        FROM occurrences o ORDER BY o.id
        """;

    /// <summary>The kept tally, in the shape of <see cref="Recount"/>.</summary>
    public const string Kept =
        """
        SELECT occurrence_id AS id, zone_id, start_utc, cancelled, items, aired, missed, seconds FROM occurrence_tally ORDER BY occurrence_id
        """;
}
