using System.Data.Common;
using System.Runtime.ExceptionServices;
using BroadcastHub.Core.Scheduling;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// Writes planned occurrences in bulk, touching only what changed: an occurrence that is new is inserted; one still
/// <see cref="OccurrenceState.Planned"/> whose instants or rundown differ is rewritten; claimed, missed and cancelled
/// ones are never changed. Rerunning the planner on an unchanged schedule writes nothing. Large plans are written in
/// chunks of at most <see cref="RowsPerChunk"/> rows (<see cref="RowsPerPostgresTransaction"/> on PostgreSQL, a
/// transaction each), date by date, in short transactions with the lock left free between them (SQLite: <see cref="SqlitePlanWriter"/>), so an
/// airtime write waiting for the write lock is never held up long; the planner is idempotent, so a run cut short
/// between two transactions is completed by the next one.
/// </summary>
public sealed class OccurrencePlanWriter(AppDatabase db)
{
    /// <summary>
    /// Most occurrence and rundown rows compared and written as one chunk on SQLite (one occurrence always fits whole);
    /// a write transaction takes chunks for as long as <see cref="SqlitePlanWriter.HoldStretch"/>.
    /// </summary>
    public const int RowsPerChunk = 250;

    /// <summary>
    /// The same on PostgreSQL, where every chunk costs several round trips whatever its size (begin, lock, two reads,
    /// commit) and writers elsewhere queue on the advisory lock instead of polling: with 250 rows a whole-horizon replan
    /// of 10,000 communes was 5,000 chunks, most of its time. A chunk of this size writes in tens of milliseconds.
    /// </summary>
    public const int RowsPerPostgresTransaction = 4000;

    /// <summary>Connections that compare chunks at once on PostgreSQL before anything is written (see <see cref="UpsertMany"/>).</summary>
    public const int PostgresCheckConnections = 2;

    /// <summary>Upserts the plans; returns the occurrence id of each plan, in order.</summary>
    public IReadOnlyList<long> UpsertMany(IReadOnlyList<PlannedOccurrence> plans)
    {
        if (plans.Count == 0) return [];
        var ids = new long[plans.Count];
        var order = Enumerable.Range(0, plans.Count).OrderBy(i => plans[i].LocalDate).ThenBy(i => plans[i].SessionId);
        var chunks = PlanChunk.Cut(plans, order, db.Dialect.IsPostgres ? RowsPerPostgresTransaction : RowsPerChunk);
        if (!db.Dialect.IsPostgres)
        {
            new SqlitePlanWriter(db).Upsert(plans, chunks, ids);
            return ids;
        }
        chunks = WithChanges(plans, chunks, ids);
        if (chunks.Count == 0) return ids;
        using var c = db.Open();
        var zones = PlanCommands.ZonesOf(db, c, plans.Select(p => p.SessionId).Distinct().ToList());
        foreach (var chunk in chunks) WriteChunk(c, plans, chunk, zones, ids);
        return ids;
    }

    /// <summary>
    /// PostgreSQL: compares every chunk first, outside any transaction and on <see cref="PostgresCheckConnections"/>
    /// connections at once (the comparison is the server's work), and returns only the chunks with something to write;
    /// the ids of the others are filled in. A chunk found unchanged is skipped: whatever another writer changes in it
    /// afterwards was written later than this plan was checked. A chunk with changes is compared again under the lock.
    /// </summary>
    private List<PlanChunk> WithChanges(IReadOnlyList<PlannedOccurrence> plans, List<PlanChunk> chunks, long[] ids)
    {
        var changed = new bool[chunks.Count];
        try
        {
            Parallel.For(0, chunks.Count, new ParallelOptions { MaxDegreeOfParallelism = PostgresCheckConnections }, db.Open, (i, _, c) =>
            {
                var chunk = chunks[i];
                changed[i] = !TakeIfUnchanged(PostgresPlanDiff.Find(c, null, plans, chunk), chunk, ids);
                return c;
            }, c => c.Dispose());
        }
        catch (AggregateException e)
        {
            // Callers (and the outage handling of requests) expect the database's own exception, as when writing.
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        return chunks.Where((_, i) => changed[i]).ToList();
    }

    /// <summary>
    /// True when every plan of <paramref name="chunk"/> has a stored occurrence that needs no rewrite; then their ids
    /// are filled in and the chunk has nothing to write.
    /// </summary>
    internal static bool TakeIfUnchanged(PlanMatch?[] matches, PlanChunk chunk, long[] ids)
    {
        if (matches.Any(m => m is not { Rewrite: false })) return false;
        for (var k = 0; k < chunk.Plans.Count; k++) ids[chunk.Plans[k]] = matches[k]!.Value.Id;
        return true;
    }

    /// <summary>PostgreSQL: writes one chunk under the plan writers' advisory lock, compared again there.</summary>
    private void WriteChunk(DbConnection c, IReadOnlyList<PlannedOccurrence> plans, PlanChunk chunk,
        IReadOnlyDictionary<long, long> zones, long[] ids)
    {
        using var t = db.Dialect.BeginWrite(c);
        db.Dialect.Serialise(c, t, LockKeys.PlanWriter);
        var matches = PostgresPlanDiff.Find(c, t, plans, chunk);
        using var commands = new PlanCommands(c, t, zones);
        chunk.Write(plans, matches, commands, ids);
        commands.Flush();
        t.Commit();
    }

    /// <summary>Cancels planned occurrences of the given sessions and dates that are no longer in any plan.</summary>
    public int CancelUnplanned(IReadOnlyCollection<long> sessionIds, DateOnly from, DateOnly to, IReadOnlySet<long> keep, DateTimeOffset now)
    {
        using var c = db.Open();
        var args = new DynamicParameters(new { from = SqlValues.Date(from), to = SqlValues.Date(to), now = SqlValues.Instant(now) });
        var filter = SqlLists.In(db.Dialect, "session_id", "sessionIds", sessionIds, args);
        var planned = StillPlanned(db.Dialect);
        var stale = c.Query<long>($"SELECT id FROM occurrences WHERE {filter} AND {planned} AND local_date BETWEEN @from AND @to AND start_utc > @now", args)
            .Where(id => !keep.Contains(id)).ToList();
        if (stale.Count == 0) return 0;
        var update = new DynamicParameters(new { now = SqlValues.Instant(now) });
        return c.Execute($"UPDATE occurrences SET state = 'Cancelled', claimed_at = @now WHERE {SqlLists.In(db.Dialect, "id", "stale", stale, update)} AND {planned}",
            update);
    }

    /// <summary>
    /// "Still planned". On SQLite the unary <c>+</c> keeps the planner off <c>ix_occurrences_state_end</c>: with a state
    /// term it walked every planned occurrence of the database instead of the ids' or sessions' own index.
    /// </summary>
    private static string StillPlanned(SqlDialect dialect) => dialect.IsPostgres ? "state = 'Planned'" : "+state = 'Planned'";
}
