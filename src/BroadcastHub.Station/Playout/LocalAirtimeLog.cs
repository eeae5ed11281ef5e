using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Playout;
using BroadcastHub.Station.Local;
using BroadcastHub.Station.Sync;
using Dapper;

namespace BroadcastHub.Station.Playout;

/// <summary>
/// The agent's airtime log: each record is appended to a local hash chain (<c>airtime_log</c>: <c>prev_hash</c> →
/// <c>hash</c> = SHA-256 of the previous hash and the record's canonical JSON) and queued in the outbox, in one transaction.
/// Idempotent on (occurrence, position): a second record of an item is not written.
/// </summary>
public sealed class LocalAirtimeLog(LocalDatabase db, TimeProvider time) : IAirtimeAppend
{
    /// <summary>The hash before the first record.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <inheritdoc />
    public bool TryAppend(AirtimeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var outbox = ToOutbox(record);
        var json = JsonSerializer.Serialize(outbox, JsonSerializerOptions.Web);
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        if (c.ExecuteScalar<long>("SELECT COUNT(*) FROM airtime_log WHERE occurrence_id = @OccurrenceId AND position = @Position", outbox, tx) > 0) return false;
        var prev = c.ExecuteScalar<string?>("SELECT hash FROM airtime_log ORDER BY id DESC LIMIT 1", transaction: tx) ?? Genesis;
        c.Execute("INSERT INTO airtime_log (occurrence_id, position, record_json, prev_hash, hash) VALUES (@OccurrenceId, @Position, @Json, @Prev, @Hash)",
            new { outbox.OccurrenceId, outbox.Position, Json = json, Prev = prev, Hash = Link(prev, json) }, tx);
        c.Execute("""
            INSERT OR IGNORE INTO airtime_outbox (occurrence_id, position, record_json, added_at) VALUES (@OccurrenceId, @Position, @Json, @At)
            """, new { outbox.OccurrenceId, outbox.Position, Json = json, At = ManifestStore.Instant(time.GetUtcNow()) }, tx);
        tx.Commit();
        return true;
    }

    /// <summary>Walks the local chain; the first record whose links do not hold, or null when all do.</summary>
    public (long OccurrenceId, int Position)? FirstBrokenLink()
    {
        using var c = db.Open();
        var prev = Genesis;
        foreach (var row in c.Query<(long Occ, int Position, string Json, string Prev, string Hash)>(
                     "SELECT occurrence_id, position, record_json, prev_hash, hash FROM airtime_log ORDER BY id"))
        {
            if (row.Prev != prev || row.Hash != Link(prev, row.Json)) return (row.Occ, row.Position);
            prev = row.Hash;
        }
        return null;
    }

    /// <summary>Records aired and logged here, in log order (what the status page and tests read).</summary>
    public IReadOnlyList<OutboxRecord> All()
    {
        using var c = db.Open();
        return c.Query<string>("SELECT record_json FROM airtime_log ORDER BY id")
            .Select(j => JsonSerializer.Deserialize<OutboxRecord>(j, JsonSerializerOptions.Web)!).ToList();
    }

    /// <summary>The upload form of an engine record.</summary>
    public static OutboxRecord ToOutbox(AirtimeRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new OutboxRecord(r.OccurrenceId, r.Position, r.BulletinId, r.Outcome.ToString(), r.ScheduledStart, r.ActualStart, r.ActualEnd,
            r.PlayedSeconds, r.Error, r.RecordedAt, r.RelaySourceId, r.OutageSeconds, r.Outages, r.RecordingPath);
    }

    private static string Link(string prev, string json) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prev + "\n" + json)));
}

/// <summary>The agent signs no checkpoints of its own chain; the hub's chain is the one signed.</summary>
public sealed class NoAirtimeCheckpoint : IAirtimeCheckpoint
{
    /// <inheritdoc />
    public void SignIfDue(int everyRecords, TimeSpan every)
    {
    }
}
