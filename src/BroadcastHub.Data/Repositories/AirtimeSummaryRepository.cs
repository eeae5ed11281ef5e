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
        return c.Query<CommuneAirtimeSummary>(Scope +
            """
            , occ AS (
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
            """,
            new { from = SqlValues.Instant(from), to = SqlValues.Instant(to), unitId }).ToList();
    }

    /// <summary>
    /// Records whose scheduled start is in [from, to) of the communes in scope, with commune and bulletin names, in
    /// time order; streamed, so a long period never sits in memory at once.
    /// </summary>
    public IEnumerable<AirtimeLogLine> Lines(DateTimeOffset from, DateTimeOffset to, long? unitId)
    {
        using var c = db.Open();
        var rows = c.Query<AirtimeRepository.Row>(Scope +
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
