using System.Data.Common;
using BroadcastHub.Core.Scheduling;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// Matches plans against the stored occurrences by reading them and their rundowns back and comparing in memory
/// (SQLite, where reading is an in-process call; PostgreSQL compares on the server, <see cref="PostgresPlanDiff"/>).
/// </summary>
internal static class InMemoryPlanDiff
{
    /// <summary>
    /// The stored occurrences of some sessions over a range of dates, with the rundowns of those still planned. No
    /// <c>state</c> term in the SQL: with one, SQLite walks <c>ix_occurrences_state_end</c> (every planned occurrence of
    /// the database) instead of the (session, date) index once more than one session is asked for.
    /// </summary>
    /// <param name="c">Open connection.</param>
    /// <param name="t">The transaction to read in.</param>
    /// <param name="sessionIds">The sessions.</param>
    /// <param name="from">First local date.</param>
    /// <param name="to">Last local date.</param>
    /// <param name="expected">About how many occurrences there are (the plans compared): the maps are sized once, not grown.</param>
    public static StoredPlans Read(DbConnection c, DbTransaction t, IEnumerable<long> sessionIds, DateOnly from, DateOnly to, int expected)
    {
        var args = new DynamicParameters(new { from = SqlValues.Date(from), to = SqlValues.Date(to) });
        var filter = SqlLists.In(SqlDialect.Sqlite, "session_id", "sessionIds", sessionIds, args);
        var occurrences = new Dictionary<(long SessionId, string LocalDate), StoredOccurrence>(expected);
        foreach (var o in c.Query<StoredOccurrence>(
                "SELECT id AS Id, session_id AS SessionId, local_date AS LocalDate, state AS State, start_utc AS StartUtc, end_utc AS EndUtc"
                + $" FROM occurrences WHERE {filter} AND local_date BETWEEN @from AND @to",
                args, t, buffered: false))
            occurrences[(o.SessionId, o.LocalDate)] = o;
        var rundowns = new Dictionary<long, List<PlanItem>>(expected);
        foreach (var r in c.Query<RundownRow>(
                     $"""
                     SELECT {RundownRow.Columns("r.")} FROM occurrences o JOIN rundown_items r ON r.occurrence_id = o.id
                     WHERE o.{filter} AND o.local_date BETWEEN @from AND @to ORDER BY r.occurrence_id, r.position
                     """, args, t, buffered: false))
        {
            if (!rundowns.TryGetValue(r.OccurrenceId, out var items)) rundowns[r.OccurrenceId] = items = new List<PlanItem>(2);
            items.Add(new PlanItem(r.BulletinId, r.BookingId, r.NotBefore, r.Fill, r.RelaySourceId, r.RelaySeconds));
        }
        return new StoredPlans(occurrences, rundowns);
    }

    /// <summary>The match of each plan of <paramref name="chunk"/> in <paramref name="stored"/> (null: new), in chunk order.</summary>
    public static PlanMatch?[] Match(StoredPlans stored, IReadOnlyList<PlannedOccurrence> plans, PlanChunk chunk)
    {
        var matches = new PlanMatch?[chunk.Plans.Count];
        for (var k = 0; k < matches.Length; k++)
        {
            var plan = plans[chunk.Plans[k]];
            if (!stored.Occurrences.TryGetValue((plan.SessionId, SqlValues.Date(plan.LocalDate)), out var old)) continue;
            var same = old.State != nameof(OccurrenceState.Planned)
                || (old.StartUtc == SqlValues.Instant(plan.StartUtc) && old.EndUtc == SqlValues.Instant(plan.EndUtc)
                    && stored.Rundown(old.Id).SequenceEqual(chunk.Items[k]));
            matches[k] = new PlanMatch(old.Id, !same);
        }
        return matches;
    }

    /// <summary>Reads what is stored for <paramref name="chunk"/>'s sessions and dates and matches it (see <see cref="Match"/>).</summary>
    public static PlanMatch?[] Find(DbConnection c, DbTransaction t, IReadOnlyList<PlannedOccurrence> plans, PlanChunk chunk)
    {
        var dates = chunk.Plans.Select(i => plans[i].LocalDate).ToList();
        var stored = Read(c, t, chunk.Plans.Select(i => plans[i].SessionId).Distinct(), dates.Min(), dates.Max(), chunk.Plans.Count);
        return Match(stored, plans, chunk);
    }
}

/// <summary>One stored occurrence as the plan writer compares it (text columns as stored).</summary>
internal sealed record StoredOccurrence(long Id, long SessionId, string LocalDate, string State, string StartUtc, string EndUtc);

/// <summary>Stored occurrences by (session, local date), and the rundown rows of each (missing: none).</summary>
internal sealed record StoredPlans(Dictionary<(long SessionId, string LocalDate), StoredOccurrence> Occurrences, Dictionary<long, List<PlanItem>> Rundowns)
{
    /// <summary>The stored rundown of occurrence <paramref name="id"/>.</summary>
    public IReadOnlyList<PlanItem> Rundown(long id) => Rundowns.TryGetValue(id, out var items) ? items : [];
}
