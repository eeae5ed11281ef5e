using System.Diagnostics;
using System.Runtime.ExceptionServices;
using BroadcastHub.Core.Scheduling;
using Dapper;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// Writes planned occurrences in bulk, touching only what changed: an occurrence that is new is inserted; one still
/// <see cref="OccurrenceState.Planned"/> whose instants or rundown differ is rewritten; claimed, missed and cancelled
/// ones are never changed. Rerunning the planner on an unchanged schedule writes nothing. Large plans are written in
/// short transactions of at most <see cref="RowsPerTransaction"/> rows (<see cref="RowsPerPostgresTransaction"/> on PostgreSQL), date by date, with the lock left free between them, so an
/// airtime write waiting for SQLite's write lock is never held up long; the planner is idempotent, so a run cut short
/// between two transactions is completed by the next one.
/// </summary>
public sealed class OccurrencePlanWriter(AppDatabase db)
{
    /// <summary>Most occurrence and rundown rows one write transaction touches on SQLite (one occurrence always fits whole).</summary>
    public const int RowsPerTransaction = 250;

    /// <summary>
    /// The same on PostgreSQL, where every chunk costs several round trips whatever its size (begin, lock, two reads,
    /// commit) and writers elsewhere queue on the advisory lock instead of polling: with 250 rows a whole-horizon replan
    /// of 10,000 communes was 5,000 chunks, most of its time. A chunk of this size writes in tens of milliseconds.
    /// </summary>
    public const int RowsPerPostgresTransaction = 4000;

    /// <summary>Most session ids bound one by one into a SQLite statement (see <see cref="SessionFilter"/>).</summary>
    private const int MaxBoundSessions = RowsPerTransaction;

    /// <summary>Connections that compare chunks at once on PostgreSQL before anything is written (see <see cref="UpsertMany"/>).</summary>
    public const int PostgresCheckConnections = 2;

    /// <summary>Upserts the plans; returns the occurrence id of each plan, in order.</summary>
    public IReadOnlyList<long> UpsertMany(IReadOnlyList<PlannedOccurrence> plans)
    {
        if (plans.Count == 0) return [];
        var ids = new long[plans.Count];
        var order = Enumerable.Range(0, plans.Count).OrderBy(i => plans[i].LocalDate).ThenBy(i => plans[i].SessionId).ToList();
        var chunks = Chunks(plans, order, db.Dialect.IsPostgres ? RowsPerPostgresTransaction : RowsPerTransaction);
        chunks = db.Dialect.IsPostgres ? WithChanges(plans, chunks, ids) : WithChangesOnSqlite(plans, chunks, ids);
        if (chunks.Count == 0) return ids;
        using var c = db.Open();
        var zones = PlanCommands.ZonesOf(db, c, plans.Select(p => p.SessionId).Distinct().ToList());
        var lastHeld = TimeSpan.Zero;
        foreach (var chunk in chunks) WriteChunk(c, plans, chunk, zones, ids, ref lastHeld);
        return ids;
    }

    /// <summary>The plans, in <paramref name="order"/>, cut into chunks of at most <paramref name="limit"/> rows (one plan always whole).</summary>
    private static List<List<int>> Chunks(IReadOnlyList<PlannedOccurrence> plans, IEnumerable<int> order, int limit)
    {
        var chunks = new List<List<int>> { new() };
        var rows = 0;
        foreach (var i in order)
        {
            var cost = 1 + plans[i].Items.Count;
            if (chunks[^1].Count > 0 && rows + cost > limit)
            {
                chunks.Add([]);
                rows = 0;
            }
            chunks[^1].Add(i);
            rows += cost;
        }
        return chunks;
    }

    /// <summary>
    /// PostgreSQL: compares every chunk first, outside any transaction and on <see cref="PostgresCheckConnections"/>
    /// connections at once (the comparison is the server's work), and returns only the chunks with something to write;
    /// the ids of the others are filled in. A chunk found unchanged is skipped: whatever another writer changes in it
    /// afterwards was written later than this plan was checked. A chunk with changes is compared again under the lock.
    /// </summary>
    private List<List<int>> WithChanges(IReadOnlyList<PlannedOccurrence> plans, List<List<int>> chunks, long[] ids)
    {
        var changed = new bool[chunks.Count];
        try
        {
            Parallel.For(0, chunks.Count, new ParallelOptions { MaxDegreeOfParallelism = PostgresCheckConnections }, db.Open, (i, _, c) =>
            {
                var chunk = chunks[i];
                changed[i] = !TakeIfUnchanged(PostgresPlanDiff.Find(c, null, plans, chunk, ItemsOf(plans, chunk)), chunk, ids);
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
    /// SQLite: the same check, chunk by chunk in read transactions on one connection, which take no write lock (WAL): a
    /// replan that changes nothing neither takes the write lock nor leaves it free between chunks (the pauses of
    /// <see cref="YieldWriteLock"/> were most of such a run: 26 s of a 1,000-commune replan on a busy machine).
    /// </summary>
    private List<List<int>> WithChangesOnSqlite(IReadOnlyList<PlannedOccurrence> plans, List<List<int>> chunks, long[] ids)
    {
        using var c = (SqliteConnection)db.Open();
        return chunks.Where(chunk =>
        {
            using var read = c.BeginTransaction(deferred: true);
            return !TakeIfUnchanged(InMemoryPlanDiff.Find(db, c, read, plans, chunk, ItemsOf(plans, chunk)), chunk, ids);
        }).ToList();
    }

    /// <summary>
    /// True when every plan of <paramref name="chunk"/> has a stored occurrence that needs no rewrite; then their ids
    /// are filled in and the chunk has nothing to write.
    /// </summary>
    private static bool TakeIfUnchanged(PlanMatch?[] matches, List<int> chunk, long[] ids)
    {
        if (matches.Any(m => m is not { Rewrite: false })) return false;
        for (var k = 0; k < chunk.Count; k++) ids[chunk[k]] = matches[k]!.Value.Id;
        return true;
    }

    private static List<IReadOnlyList<PlanItem>> ItemsOf(IReadOnlyList<PlannedOccurrence> plans, List<int> chunk) =>
        chunk.Select(i => (IReadOnlyList<PlanItem>)plans[i].Items.Select(PlanItem.Of).ToList()).ToList();

    private void WriteChunk(DbConnection c, IReadOnlyList<PlannedOccurrence> plans, List<int> chunk,
        IReadOnlyDictionary<long, long> zones, long[] ids, ref TimeSpan lastHeld)
    {
        if (lastHeld > TimeSpan.Zero && !db.Dialect.IsPostgres) YieldWriteLock(lastHeld);
        var started = Stopwatch.GetTimestamp();
        WriteChunk(c, plans, chunk, zones, ids);
        lastHeld = Stopwatch.GetElapsedTime(started);
    }

    private void WriteChunk(DbConnection c, IReadOnlyList<PlannedOccurrence> plans, List<int> chunk,
        IReadOnlyDictionary<long, long> zones, long[] ids)
    {
        using var t = db.Dialect.BeginWrite(c);
        db.Dialect.Serialise(c, t, LockKeys.PlanWriter);
        var items = ItemsOf(plans, chunk);
        var matches = db.Dialect.IsPostgres
            ? PostgresPlanDiff.Find(c, t, plans, chunk, items)
            : InMemoryPlanDiff.Find(db, c, t, plans, chunk, items);
        using var commands = new PlanCommands(c, t, zones);
        for (var k = 0; k < chunk.Count; k++)
        {
            var plan = plans[chunk[k]];
            if (matches[k] is not { } match)
            {
                var id = commands.Insert(plan.SessionId, SqlValues.Date(plan.LocalDate), SqlValues.Instant(plan.StartUtc), SqlValues.Instant(plan.EndUtc));
                commands.InsertItems(id, items[k]);
                ids[chunk[k]] = id;
                continue;
            }
            ids[chunk[k]] = match.Id;
            if (!match.Rewrite) continue;
            commands.Reschedule(match.Id, SqlValues.Instant(plan.StartUtc), SqlValues.Instant(plan.EndUtc));
            commands.InsertItems(match.Id, items[k]);
        }
        commands.Flush();
        t.Commit();
    }

    /// <summary>
    /// Leaves the write lock free between two transactions for as long as the last one held it (2–50 ms): a writer on
    /// another connection sleeps in SQLite's busy handler and retries at intervals of up to 100 ms, so without a gap it
    /// could miss every free instant; with the lock free half of the time it gets in within a few retries. PostgreSQL
    /// queues waiters on the advisory lock, so there it would only double the planning time.
    /// </summary>
    private static void YieldWriteLock(TimeSpan lastHeld) =>
        Thread.Sleep(TimeSpan.FromMilliseconds(Math.Clamp(lastHeld.TotalMilliseconds, 2, 50)));

    /// <summary>Cancels planned occurrences of the given sessions and dates that are no longer in any plan.</summary>
    public int CancelUnplanned(IReadOnlyCollection<long> sessionIds, DateOnly from, DateOnly to, IReadOnlySet<long> keep, DateTimeOffset now)
    {
        using var c = db.Open();
        var sessions = sessionIds as IReadOnlySet<long> ?? sessionIds.ToHashSet();
        var args = new DynamicParameters(new { from = SqlValues.Date(from), to = SqlValues.Date(to), now = SqlValues.Instant(now) });
        var (filter, _) = SessionFilter(db.Dialect, sessions, args);
        var stale = c.Query<(long Id, long SessionId)>(
                $"SELECT id, session_id FROM occurrences WHERE {filter}"
                + " AND state = 'Planned' AND local_date BETWEEN @from AND @to AND start_utc > @now", args)
            .Where(o => sessions.Contains(o.SessionId) && !keep.Contains(o.Id)).Select(o => o.Id).ToList();
        return stale.Count == 0 ? 0 : c.Execute($"UPDATE occurrences SET state = 'Cancelled', claimed_at = @now WHERE {db.Dialect.In("id", "@stale")} AND state = 'Planned'",
            new { stale = stale.ToArray(), now = SqlValues.Instant(now) });
    }

    /// <summary>
    /// The SQL filter on <c>session_id</c>: a chunk's or a booking's sessions (at most a few hundred) are filtered by
    /// SQLite (their ids bound into <paramref name="args"/>); thousands would make thousands of bound parameters, so a
    /// whole-horizon cancel reads every session's rows in the range once and the caller filters in memory. <c>Few</c>
    /// says which. PostgreSQL binds any list as one array, so it always filters. Reading every session's rows of the
    /// range for each chunk made planning quadratic, on PostgreSQL first and then on SQLite too while its limit was 50
    /// (a chunk of 250 rows holds ~80 sessions, so each of a day's ~37 chunks read all 3,000 of that day's occurrences and items).
    /// </summary>
    internal static (string Filter, bool Few) SessionFilter(SqlDialect dialect, IReadOnlyCollection<long> sessionIds, DynamicParameters args)
    {
        if (sessionIds.Count > MaxBoundSessions && !dialect.IsPostgres) return ("session_id IS NOT NULL", false);
        args.Add("sessionIds", sessionIds.ToArray());
        return (dialect.In("session_id", "@sessionIds"), true);
    }
}
