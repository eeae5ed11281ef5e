using System.Text.Json;
using BroadcastHub.Station.Sync;
using Dapper;

namespace BroadcastHub.Station.Local;

/// <summary>A record waiting in the outbox, with its row id.</summary>
public sealed record PendingAirtime(long Id, OutboxRecord Record);

/// <summary>
/// Airtime written locally first and uploaded later: one row per (occurrence, position); a row leaves only after the
/// hub's 200. Rows the hub refused (conflict, invalid) stay, marked, and are not sent again until someone looks.
/// </summary>
public sealed class AirtimeOutbox(LocalDatabase db, TimeProvider time)
{
    /// <summary>Queues <paramref name="record"/>; false when a record of the same occurrence and position is already queued.</summary>
    public bool Add(OutboxRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var connection = db.Open();
        return connection.Execute("""
            INSERT OR IGNORE INTO airtime_outbox (occurrence_id, position, record_json, added_at) VALUES (@OccurrenceId, @Position, @Json, @At)
            """, new { record.OccurrenceId, record.Position, Json = JsonSerializer.Serialize(record, JsonSerializerOptions.Web),
                At = ManifestStore.Instant(time.GetUtcNow()) }) == 1;
    }

    /// <summary>Records not yet received by the hub (refused ones included).</summary>
    public long PendingCount()
    {
        using var connection = db.Open();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM airtime_outbox");
    }

    /// <summary>Records the hub refused, with the hub's code and message; they need a person.</summary>
    public IReadOnlyList<(long OccurrenceId, int Position, string Code, string? Message)> Refused()
    {
        using var connection = db.Open();
        return connection.Query<(long, int, string, string?)>(
            "SELECT occurrence_id, position, refused_code, refused_message FROM airtime_outbox WHERE refused_code IS NOT NULL ORDER BY id").AsList();
    }

    /// <summary>The oldest records still to send, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<PendingAirtime> NextBatch(int limit)
    {
        using var connection = db.Open();
        return connection.Query<(long Id, string Json)>(
                "SELECT id, record_json FROM airtime_outbox WHERE refused_code IS NULL ORDER BY id LIMIT @Limit", new { Limit = limit })
            .Select(r => new PendingAirtime(r.Id, JsonSerializer.Deserialize<OutboxRecord>(r.Json, JsonSerializerOptions.Web)!)).ToList();
    }

    /// <summary>
    /// Deletes rows the hub answered 200 for and, in the same transaction, queues the relay recordings they name for
    /// upload (<see cref="RecordingQueue"/>), so an accepted record's recording is never forgotten.
    /// </summary>
    public void Delivered(IEnumerable<long> ids)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        var args = new { Ids = ids.ToArray(), At = ManifestStore.Instant(time.GetUtcNow()) };
        connection.Execute("""
            INSERT OR IGNORE INTO recording_uploads (occurrence_id, position, path, added_at, next_attempt_at)
            SELECT occurrence_id, position, json_extract(record_json, '$.recordingPath'), @At, @At FROM airtime_outbox
            WHERE id IN @Ids AND json_extract(record_json, '$.relaySourceId') IS NOT NULL AND json_extract(record_json, '$.recordingPath') IS NOT NULL
            """, args, tx);
        connection.Execute("DELETE FROM airtime_outbox WHERE id IN @Ids", args, tx);
        tx.Commit();
    }

    /// <summary>Marks a row the hub refused, so it is kept but no longer blocks the others.</summary>
    public void MarkRefused(long id, string code, string? message)
    {
        using var connection = db.Open();
        connection.Execute("UPDATE airtime_outbox SET refused_code = @Code, refused_message = @Message WHERE id = @Id", new { Id = id, Code = code, Message = message });
    }
}
