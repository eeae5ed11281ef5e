using System.Diagnostics;
using BroadcastHub.Core.Scheduling;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// <see cref="OccurrencePlanWriter"/> on SQLite. What is stored for all the plans is read once, in one read transaction
/// (WAL: no write lock), and compared in memory; only the chunks with something new or changed are written, each in
/// its own write transaction where its rows are read and compared again (by index: its sessions and dates). The write
/// lock is held for at most about <see cref="HoldStretch"/> at a time, then left free for <see cref="Pause"/>.
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

    /// <summary>Writes what changed in <paramref name="chunks"/> and fills in <paramref name="ids"/>, the id of each plan.</summary>
    public void Upsert(IReadOnlyList<PlannedOccurrence> plans, List<PlanChunk> chunks, long[] ids)
    {
        var changed = Changed(plans, chunks, ids);
        if (changed.Count == 0) return;
        using var c = (SqliteConnection)db.Open();
        var zones = PlanCommands.ZonesOf(db, c, changed.SelectMany(chunk => chunk.Plans).Select(i => plans[i].SessionId).Distinct().ToList());
        using var rows = new SqlitePlanRows(c, zones);
        var synchronous = c.ExecuteScalar<long>("PRAGMA synchronous");
        try
        {
            var held = TimeSpan.Zero;
            for (var n = 0; n < changed.Count; n++)
            {
                if (held >= HoldStretch)
                {
                    Thread.Sleep(Pause);
                    held = TimeSpan.Zero;
                }
                // Only the last commit waits for the disk (it syncs the whole WAL, so every chunk before it too): a
                // 1,000-commune first plan is ~500 chunks, and one fsync is 1–2 ms here. A crash before that loses
                // planned rows only, which the next run writes again.
                c.Execute($"PRAGMA synchronous = {(n == changed.Count - 1 ? synchronous : Math.Min(synchronous, 1))}");
                var started = Stopwatch.GetTimestamp();
                WriteChunk(c, rows, plans, changed[n], ids);
                held += Stopwatch.GetElapsedTime(started);
            }
        }
        finally
        {
            // A pooled connection keeps its pragmas: the next user must get the usual durability.
            c.Execute($"PRAGMA synchronous = {synchronous}");
        }
    }

    /// <summary>The chunks with a new or changed plan, compared with one read of everything stored for the plans' sessions and dates.</summary>
    private List<PlanChunk> Changed(IReadOnlyList<PlannedOccurrence> plans, List<PlanChunk> chunks, long[] ids)
    {
        using var c = (SqliteConnection)db.Open();
        using var read = c.BeginTransaction(deferred: true);
        var stored = InMemoryPlanDiff.Read(c, read, plans.Select(p => p.SessionId).Distinct(), plans.Min(p => p.LocalDate), plans.Max(p => p.LocalDate));
        return chunks.Where(chunk => !OccurrencePlanWriter.TakeIfUnchanged(InMemoryPlanDiff.Match(stored, plans, chunk), chunk, ids)).ToList();
    }

    private static void WriteChunk(SqliteConnection c, SqlitePlanRows rows, IReadOnlyList<PlannedOccurrence> plans, PlanChunk chunk, long[] ids)
    {
        using var t = c.BeginTransaction(deferred: false);
        var matches = InMemoryPlanDiff.Find(c, t, plans, chunk);
        rows.Begin(t);
        for (var k = 0; k < chunk.Plans.Count; k++)
        {
            var plan = plans[chunk.Plans[k]];
            var (start, end) = (SqlValues.Instant(plan.StartUtc), SqlValues.Instant(plan.EndUtc));
            if (matches[k] is not { } match)
            {
                ids[chunk.Plans[k]] = rows.Insert(plan.SessionId, SqlValues.Date(plan.LocalDate), start, end, chunk.Items[k]);
                continue;
            }
            ids[chunk.Plans[k]] = match.Id;
            if (match.Rewrite) rows.Reschedule(match.Id, start, end, chunk.Items[k]);
        }
        t.Commit();
    }
}
