using System.Data.Common;
using BroadcastHub.Core.Scheduling;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// Matches one chunk of plans against the stored occurrences by reading them and their rundowns back and comparing in
/// memory (SQLite, where reading is an in-process call; PostgreSQL compares on the server, <see cref="PostgresPlanDiff"/>).
/// </summary>
internal static class InMemoryPlanDiff
{
    /// <summary>The match of each plan of <paramref name="chunk"/> (null: new), in chunk order.</summary>
    /// <param name="db">The database.</param>
    /// <param name="c">Open connection.</param>
    /// <param name="t">The chunk's write transaction.</param>
    /// <param name="plans">All plans.</param>
    /// <param name="chunk">Indexes into <paramref name="plans"/>.</param>
    /// <param name="items">The rows of each plan's rundown, in chunk order.</param>
    public static PlanMatch?[] Find(AppDatabase db, DbConnection c, DbTransaction t, IReadOnlyList<PlannedOccurrence> plans,
        IReadOnlyList<int> chunk, IReadOnlyList<IReadOnlyList<PlanItem>> items)
    {
        var from = chunk.Min(i => plans[i].LocalDate);
        var to = chunk.Max(i => plans[i].LocalDate);
        var sessionIds = chunk.Select(i => plans[i].SessionId).Distinct().ToList();
        var args = new DynamicParameters(new { from = SqlValues.Date(from), to = SqlValues.Date(to) });
        var (filter, _) = OccurrencePlanWriter.SessionFilter(db.Dialect, sessionIds, args);
        var existing = c.Query<(long Id, long SessionId, string LocalDate, string State, string StartUtc, string EndUtc)>(
                $"SELECT id, session_id, local_date, state, start_utc, end_utc FROM occurrences WHERE {filter} AND local_date BETWEEN @from AND @to",
                args, t)
            .ToDictionary(o => (o.SessionId, o.LocalDate));
        var rundowns = c.Query<RundownRow>(
                $"""
                SELECT {RundownRow.Columns("r.")} FROM rundown_items r
                JOIN occurrences o ON o.id = r.occurrence_id
                WHERE o.{filter} AND o.state = 'Planned' AND o.local_date BETWEEN @from AND @to ORDER BY r.occurrence_id, r.position
                """, args, t)
            .ToLookup(r => r.OccurrenceId, r => new PlanItem(r.BulletinId, r.BookingId, r.NotBefore, r.Fill, r.RelaySourceId, r.RelaySeconds));
        var matches = new PlanMatch?[chunk.Count];
        for (var k = 0; k < chunk.Count; k++)
        {
            var plan = plans[chunk[k]];
            if (!existing.TryGetValue((plan.SessionId, SqlValues.Date(plan.LocalDate)), out var old)) continue;
            var same = old.State != nameof(OccurrenceState.Planned)
                || (old.StartUtc == SqlValues.Instant(plan.StartUtc) && old.EndUtc == SqlValues.Instant(plan.EndUtc) && rundowns[old.Id].SequenceEqual(items[k]));
            matches[k] = new PlanMatch(old.Id, !same);
        }
        return matches;
    }
}
