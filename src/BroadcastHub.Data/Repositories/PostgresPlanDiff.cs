using System.Data.Common;
using BroadcastHub.Core.Scheduling;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// Matches one chunk of plans against the stored occurrences on PostgreSQL, comparing the rundowns on the server: the
/// planned occurrences and items go up as arrays (<c>unnest</c>), and the server answers, for each plan that has an
/// occurrence, its id and whether it must be rewritten (still Planned, and other instants or items that differ in any
/// column at any position, or one side has an item the other has not). A whole-horizon replan thus no longer reads
/// every stored rundown item back into .NET to find that nothing changed. Both lookups are written as <c>LATERAL … OFFSET 0</c>
/// so that they stay index probes whatever the statistics say: a prepared plan made while the table was still empty (a
/// first plan, before autovacuum's analyze) otherwise hash-joined a sequential scan of every occurrence, 40 ms a chunk by
/// the end of a 10,000-commune horizon.
/// </summary>
internal static class PostgresPlanDiff
{
    private const string Sql = """
        WITH p AS (
            SELECT * FROM unnest(@sessions::bigint[], @dates::text[], @starts::text[], @ends::text[])
                WITH ORDINALITY AS p(session_id, local_date, start_utc, end_utc, k)
        ), m AS MATERIALIZED (
            SELECT p.k, o.id, o.state = 'Planned' AS planned,
                   o.state = 'Planned' AND o.start_utc = p.start_utc AND o.end_utc = p.end_utc AS compare
            FROM p CROSS JOIN LATERAL (
                SELECT o.id, o.state, o.start_utc, o.end_utc FROM occurrences o
                WHERE o.session_id = p.session_id AND o.local_date = p.local_date OFFSET 0) o
        ), planned AS (
            SELECT m.id, i.position, i.bulletin_id, i.booking_id, i.not_before_seconds, i.fill, i.relay_source_id, i.relay_seconds
            FROM unnest(@itemPlans::bigint[], @positions::bigint[], @bulletins::bigint[], @bookings::bigint[],
                        @notBefore::double precision[], @fills::text[], @relaySources::bigint[], @relaySeconds::double precision[])
                 AS i(k, position, bulletin_id, booking_id, not_before_seconds, fill, relay_source_id, relay_seconds)
            JOIN m ON m.k = i.k AND m.compare
        ), stored AS (
            SELECT r.occurrence_id AS id, r.position, r.bulletin_id, r.booking_id, r.not_before_seconds, r.fill, r.relay_source_id, r.relay_seconds
            FROM m CROSS JOIN LATERAL (SELECT * FROM rundown_items r WHERE r.occurrence_id = m.id OFFSET 0) r
            WHERE m.compare
        ), differing AS (
            SELECT DISTINCT COALESCE(planned.id, stored.id) AS id
            FROM planned FULL JOIN stored ON stored.id = planned.id AND stored.position = planned.position
            WHERE planned.id IS NULL OR stored.id IS NULL
               OR (planned.bulletin_id, planned.booking_id, planned.not_before_seconds, planned.fill, planned.relay_source_id, planned.relay_seconds)
                  IS DISTINCT FROM (stored.bulletin_id, stored.booking_id, stored.not_before_seconds, stored.fill, stored.relay_source_id, stored.relay_seconds)
        )
        SELECT m.k, m.id, m.planned AND (NOT m.compare OR m.id IN (SELECT id FROM differing)) AS rewrite FROM m
        """;

    /// <summary>The match of each plan of <paramref name="chunk"/> (null: new), in chunk order.</summary>
    /// <param name="c">Open connection.</param>
    /// <param name="t">The chunk's write transaction, if any.</param>
    /// <param name="plans">All plans.</param>
    /// <param name="chunk">The chunk: indexes into <paramref name="plans"/> and their rundown rows.</param>
    public static PlanMatch?[] Find(DbConnection c, DbTransaction? t, IReadOnlyList<PlannedOccurrence> plans, PlanChunk chunk)
    {
        var (indexes, items) = (chunk.Plans, chunk.Items);
        var count = items.Sum(i => i.Count);
        var (itemPlans, positions) = (new long[count], new long[count]);
        var (bulletins, bookings, relaySources) = (new long?[count], new long?[count], new long?[count]);
        var (notBefore, relaySeconds, fills) = (new double?[count], new double?[count], new string?[count]);
        var n = 0;
        for (var k = 0; k < items.Count; k++)
            for (var position = 0; position < items[k].Count; position++, n++)
            {
                var item = items[k][position];
                (itemPlans[n], positions[n]) = (k + 1, position);
                (bulletins[n], bookings[n], relaySources[n]) = (item.BulletinId, item.BookingId, item.RelaySourceId);
                (notBefore[n], relaySeconds[n], fills[n]) = (item.NotBefore, item.RelaySeconds, item.Fill);
            }
        var args = new
        {
            sessions = indexes.Select(i => plans[i].SessionId).ToArray(),
            dates = indexes.Select(i => SqlValues.Date(plans[i].LocalDate)).ToArray(),
            starts = indexes.Select(i => SqlValues.Instant(plans[i].StartUtc)).ToArray(),
            ends = indexes.Select(i => SqlValues.Instant(plans[i].EndUtc)).ToArray(),
            itemPlans, positions, bulletins, bookings, notBefore, fills, relaySources, relaySeconds,
        };
        var matches = new PlanMatch?[indexes.Count];
        foreach (var (k, id, rewrite) in c.Query<(long K, long Id, bool Rewrite)>(Sql, args, t))
            matches[k - 1] = new PlanMatch(id, rewrite);
        return matches;
    }
}
