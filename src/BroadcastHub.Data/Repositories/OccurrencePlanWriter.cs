using System.Collections.Concurrent;
using System.Data.Common;
using BroadcastHub.Core.Scheduling;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// Writes planned occurrences in bulk, touching only what changed: an occurrence that is new is inserted; one still
/// <see cref="OccurrenceState.Planned"/> whose instants or rundown differ is rewritten; claimed, missed and cancelled
/// ones are never changed. Rerunning the planner on an unchanged schedule writes nothing. Large plans are written in
/// chunks, a short transaction each: on SQLite date by date, at most <see cref="RowsPerChunk"/> rows, with the write
/// lock left free between stretches (<see cref="SqlitePlanWriter"/>), so an airtime write waiting for it is never held
/// up long; on PostgreSQL block of sessions by block (<see cref="SessionsPerBlock"/>, at most
/// <see cref="RowsPerPostgresTransaction"/> rows), two blocks at once. The planner is idempotent, so a run cut short
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
    /// of 10,000 communes was 5,000 chunks, most of its time. A block of 128 sessions over 14 days (~5,400 rows) is one chunk
    /// and writes in well under 100 ms.
    /// </summary>
    public const int RowsPerPostgresTransaction = 8000;

    /// <summary>
    /// Connections that compare and write chunks at once on PostgreSQL, each its own sessions (see <see cref="WriteChunk"/>):
    /// while one waits for the server to compare or take in a chunk, the other builds and sends the next.
    /// </summary>
    public const int PostgresConnections = 2;

    /// <summary>
    /// On PostgreSQL, sessions are written in blocks of this many consecutive ids (all their dates), each block under
    /// its own advisory lock. Cutting by sessions rather than by dates means a chunk's occurrences and items refer to few
    /// sessions, zones and bookings, so their keys' checks lock few parent rows, and two writers lock different ones.
    /// </summary>
    public const long SessionsPerBlock = 128;

    /// <summary>Upserts the plans; returns the occurrence id of each plan, in order.</summary>
    public IReadOnlyList<long> UpsertMany(IReadOnlyList<PlannedOccurrence> plans)
    {
        if (plans.Count == 0) return [];
        var ids = new long[plans.Count];
        if (!db.Dialect.IsPostgres)
        {
            var byDate = Enumerable.Range(0, plans.Count).OrderBy(i => plans[i].LocalDate).ThenBy(i => plans[i].SessionId);
            new SqlitePlanWriter(db).Upsert(plans, PlanChunk.Cut(plans, byDate, RowsPerChunk), ids);
            return ids;
        }
        var blocks = Enumerable.Range(0, plans.Count).GroupBy(i => SessionBlock(plans[i])).OrderBy(block => block.Key)
            .Select(block => PlanChunk.Cut(plans, block.OrderBy(i => plans[i].SessionId).ThenBy(i => plans[i].LocalDate), RowsPerPostgresTransaction))
            .ToList();
        var writing = new Lazy<WriteContext>(() =>
        {
            using var c = db.Open();
            return new WriteContext(PlanCommands.ZonesOf(db, c, plans.Select(p => p.SessionId).Distinct().ToList()), PlanCommands.OccurrenceSequence(c));
        });
        FirstError.Rethrow(() => Parallel.ForEach(Partitioner.Create(blocks, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = PostgresConnections }, db.Open, (block, _, c) =>
            {
                foreach (var chunk in block) WriteChunk(c, plans, chunk, writing, ids);
                return c;
            }, c => c.Dispose()));
        return ids;
    }

    /// <summary>What writing a changed chunk needs, read once per plan and only if some chunk changed.</summary>
    private sealed record WriteContext(IReadOnlyDictionary<long, long> Zones, long Sequence);

    private static long SessionBlock(PlannedOccurrence plan) => plan.SessionId / SessionsPerBlock;

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

    /// <summary>
    /// PostgreSQL: compares one chunk (sessions of one <see cref="SessionsPerBlock"/> block) with what is stored, under
    /// the plan writers' advisory lock of that block, and writes what is new or changed. Two writers of the same
    /// occurrence take the same lock; writers of other sessions, on this node or another, go on at the same time. A chunk
    /// with nothing to write ends its transaction without a write (a replan that changes nothing writes nothing).
    /// </summary>
    private void WriteChunk(DbConnection c, IReadOnlyList<PlannedOccurrence> plans, PlanChunk chunk, Lazy<WriteContext> writing, long[] ids)
    {
        using var t = db.Dialect.BeginWrite(c);
        c.Execute("SELECT pg_advisory_xact_lock(@kind, @block)", new { kind = LockKeys.PlanWriterSessions, block = (int)SessionBlock(plans[chunk.Plans[0]]) }, t);
        var matches = PostgresPlanDiff.Find(c, t, plans, chunk);
        if (!TakeIfUnchanged(matches, chunk, ids))
        {
            using var commands = new PlanCommands(c, t, writing.Value.Zones, writing.Value.Sequence, matches.Count(m => m is null));
            chunk.Write(plans, matches, commands, ids);
            commands.Flush();
        }
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
