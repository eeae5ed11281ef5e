using System.Diagnostics;
using BroadcastHub.Core.Scheduling;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// <see cref="OccurrencePlanWriter"/> on SQLite. What is stored for all the plans is read once, in one read transaction
/// (WAL: no write lock), and compared in memory; only the chunks with something new or changed are written. Once
/// another connection has committed since that read (<c>PRAGMA data_version</c> moved), each chunk is compared again
/// under the write lock (its rows read by index: its sessions and dates). The write lock is held for at most about
/// <see cref="HoldStretch"/> at a time, then left free for <see cref="Pause"/>.
/// </summary>
internal sealed class SqlitePlanWriter(AppDatabase db)
{
    /// <summary>
    /// How long the writer holds the write lock, chunk after chunk, before it pauses. A writer waiting on another
    /// connection sleeps in SQLite's busy handler, which retries 1, 3, 8, 18, 33, 53, 78, 103, 128, 178 and 228 ms after
    /// it started waiting (then every 100 ms): a pause of <see cref="Pause"/> within the first 228 ms always holds a
    /// retry, so such a writer waits about <see cref="HoldStretch"/> plus one chunk at worst.
    /// </summary>
    public static readonly TimeSpan HoldStretch = TimeSpan.FromMilliseconds(150);

    /// <summary>How long the write lock is left free after each <see cref="HoldStretch"/> (the busy handler's longest early gap).</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    /// <summary>SQLite's page cache for the writing connection while it writes (16 MB; 2 MB by default).</summary>
    private const int CacheKibibytes = 16_000;

    /// <summary>Writes what changed in <paramref name="chunks"/> and fills in <paramref name="ids"/>, the id of each plan.</summary>
    public void Upsert(IReadOnlyList<PlannedOccurrence> plans, List<PlanChunk> chunks, long[] ids)
    {
        using var c = (SqliteConnection)db.Open();
        var (changed, version) = Changed(c, plans, chunks, ids);
        if (changed.Count == 0) return;
        var zones = PlanCommands.ZonesOf(db, c, changed.SelectMany(m => m.Chunk.Plans).Select(i => plans[i].SessionId).Distinct().ToList());
        using var rows = new SqlitePlanRows(c, zones);
        var run = new Run(c, rows, plans, ids, version);
        var synchronous = c.ExecuteScalar<long>("PRAGMA synchronous");
        var cacheSize = c.ExecuteScalar<long>("PRAGMA cache_size");
        try
        {
            // A first plan updates six indexes at scattered places (occurrences by session, zone, start, state; the
            // tally by zone): with SQLite's default 2 MB page cache most of those pages were read back again and again.
            c.Execute($"PRAGMA cache_size = -{CacheKibibytes}");
            // Only the last commit waits for the disk; it syncs the whole WAL, so every transaction before it too (one
            // fsync is 1–2 ms here). A crash before it loses planned rows only, which the next run writes again.
            c.Execute($"PRAGMA synchronous = {Math.Min(synchronous, 1)}");
            run.WriteInStretches(changed.Take(changed.Count - 1));
            c.Execute($"PRAGMA synchronous = {synchronous}");
            run.WriteInStretches([changed[^1]]);
        }
        finally
        {
            // A pooled connection keeps its pragmas: the next user must get the usual durability and cache, and the
            // cache's pages go back to the allocator.
            c.Execute($"PRAGMA synchronous = {synchronous}; PRAGMA cache_size = {cacheSize}; PRAGMA shrink_memory");
        }
    }

    /// <summary>
    /// The chunks with a new or changed plan and their matches, from one read of everything stored for the plans'
    /// sessions and dates; and <c>PRAGMA data_version</c> as of that read.
    /// </summary>
    private static (List<ChunkMatches> Changed, long Version) Changed(SqliteConnection c, IReadOnlyList<PlannedOccurrence> plans, List<PlanChunk> chunks, long[] ids)
    {
        using var read = c.BeginTransaction(deferred: true);
        var stored = InMemoryPlanDiff.Read(c, read, plans.Select(p => p.SessionId).Distinct(), plans.Min(p => p.LocalDate), plans.Max(p => p.LocalDate), plans.Count);
        var version = c.ExecuteScalar<long>("PRAGMA data_version", transaction: read);
        var changed = new List<ChunkMatches>();
        foreach (var chunk in chunks)
        {
            var matches = InMemoryPlanDiff.Match(stored, plans, chunk);
            if (!OccurrencePlanWriter.TakeIfUnchanged(matches, chunk, ids)) changed.Add(new ChunkMatches(chunk, matches));
        }
        return (changed, version);
    }

    private sealed record ChunkMatches(PlanChunk Chunk, PlanMatch?[] Matches);

    /// <summary>One run's writing: its connection, statements and plans.</summary>
    private sealed class Run(SqliteConnection c, SqlitePlanRows rows, IReadOnlyList<PlannedOccurrence> plans, long[] ids, long version)
    {
        private bool _othersWrote;

        /// <summary>
        /// Writes <paramref name="chunks"/> in write transactions that each take chunks until they have held the lock
        /// for <see cref="HoldStretch"/>, then leave it free for <see cref="Pause"/>: a waiting writer gets in as soon as
        /// with a transaction per chunk, and a 1,000-commune first plan commits ~20 times instead of ~500.
        /// </summary>
        public void WriteInStretches(IEnumerable<ChunkMatches> chunks)
        {
            SqliteTransaction? t = null;
            try
            {
                var since = 0L;
                foreach (var chunk in chunks)
                {
                    if (t is null)
                    {
                        t = c.BeginTransaction(deferred: false);
                        since = Stopwatch.GetTimestamp();
                        // Our own commits do not move data_version: unchanged, nobody else wrote since the first read.
                        _othersWrote |= c.ExecuteScalar<long>("PRAGMA data_version", transaction: t) != version;
                        rows.Begin(t);
                    }
                    WriteChunk(t, chunk);
                    if (Stopwatch.GetElapsedTime(since) < HoldStretch) continue;
                    rows.End();
                    t.Commit();
                    t.Dispose();
                    t = null;
                    Thread.Sleep(Pause);
                }
                if (t is null) return;
                rows.End();
                t.Commit();
            }
            finally
            {
                t?.Dispose();
            }
        }

        /// <summary>Writes what is new or changed in one chunk, compared again under the write lock if another connection wrote since the first read.</summary>
        private void WriteChunk(SqliteTransaction t, ChunkMatches chunkMatches)
        {
            var chunk = chunkMatches.Chunk;
            chunk.Write(plans, _othersWrote ? InMemoryPlanDiff.Find(c, t, plans, chunk) : chunkMatches.Matches, rows, ids);
        }
    }
}
