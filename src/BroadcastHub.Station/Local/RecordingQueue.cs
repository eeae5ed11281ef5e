using BroadcastHub.Playout.Relay;
using Dapper;

namespace BroadcastHub.Station.Local;

/// <summary>A relay recording waiting to be uploaded: its record and its path relative to the data folder.</summary>
public sealed record PendingRecording(long OccurrenceId, int Position, string Path, int Attempts);

/// <summary>
/// Relay recordings whose airtime record the hub accepted, still to upload (<c>recording_uploads</c>, filled by
/// <see cref="AirtimeOutbox.Delivered"/>): durable, retried with back-off while the hub is away, and held from the
/// recordings' retention until uploaded (<see cref="IRelayRecordingHold"/>). A row the hub refused stays, marked.
/// </summary>
public sealed class RecordingQueue(LocalDatabase db, TimeProvider time) : IRelayRecordingHold
{
    /// <summary>Longest wait between two attempts of one recording.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);

    /// <summary>Recordings due now (not refused, their back-off over), oldest first.</summary>
    public IReadOnlyList<PendingRecording> Due(int limit)
    {
        using var connection = db.Open();
        return connection.Query<(long OccurrenceId, long Position, string Path, long Attempts)>("""
                SELECT occurrence_id, position, path, attempts FROM recording_uploads
                WHERE refused_code IS NULL AND next_attempt_at <= @Now ORDER BY added_at, occurrence_id, position LIMIT @Limit
                """, new { Now = ManifestStore.Instant(time.GetUtcNow()), Limit = limit })
            .Select(r => new PendingRecording(r.OccurrenceId, (int)r.Position, r.Path, (int)r.Attempts)).ToList();
    }

    /// <summary>Recordings not yet uploaded (refused ones included).</summary>
    public long PendingCount()
    {
        using var connection = db.Open();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM recording_uploads");
    }

    /// <summary>Recordings the hub refused, with its code; they need a person.</summary>
    public IReadOnlyList<(long OccurrenceId, int Position, string Code)> Refused()
    {
        using var connection = db.Open();
        return connection.Query<(long, int, string)>(
            "SELECT occurrence_id, position, refused_code FROM recording_uploads WHERE refused_code IS NOT NULL ORDER BY added_at").AsList();
    }

    /// <summary>The hub has the recording: the row goes (the file then follows the usual retention).</summary>
    public void Uploaded(PendingRecording r)
    {
        using var connection = db.Open();
        connection.Execute("DELETE FROM recording_uploads WHERE occurrence_id = @OccurrenceId AND position = @Position", r);
    }

    /// <summary>The hub was away: try again after 5 s, 10 s, 20 s … up to <see cref="MaxBackoff"/>.</summary>
    public void Failed(PendingRecording r)
    {
        var wait = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, 5 * Math.Pow(2, Math.Min(r.Attempts, 16))));
        using var connection = db.Open();
        connection.Execute("""
            UPDATE recording_uploads SET attempts = attempts + 1, next_attempt_at = @Next WHERE occurrence_id = @OccurrenceId AND position = @Position
            """, new { r.OccurrenceId, r.Position, Next = ManifestStore.Instant(time.GetUtcNow() + wait) });
    }

    /// <summary>The hub refused it (or the file is gone): kept, marked, not sent again.</summary>
    public void MarkRefused(PendingRecording r, string code, string? message)
    {
        using var connection = db.Open();
        connection.Execute("""
            UPDATE recording_uploads SET refused_code = @Code, refused_message = @Message WHERE occurrence_id = @OccurrenceId AND position = @Position
            """, new { r.OccurrenceId, r.Position, Code = code, Message = message });
    }

    /// <inheritdoc />
    public IReadOnlySet<string> HeldPaths()
    {
        using var connection = db.Open();
        return connection.Query<string>("SELECT path FROM recording_uploads WHERE refused_code IS NULL").ToHashSet(StringComparer.Ordinal);
    }
}
