using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// The hub's copies of relay recordings station agents uploaded (<c>airtime_recordings</c>, migration 0033): one row
/// per airtime record, written once, beside the append-only airtime row it belongs to.
/// </summary>
public sealed class AgentRecordingRepository(AppDatabase db)
{
    /// <summary>An airtime record as an upload needs it, and the copy already stored (null fields when none).</summary>
    public sealed class Target
    {
        /// <summary>The airtime record.</summary>
        public long AirtimeId { get; init; }

        /// <summary>The occurrence's zone (whose station may upload).</summary>
        public long ZoneId { get; init; }

        /// <summary>The relay source; null for a bulletin's record.</summary>
        public long? RelaySourceId { get; init; }

        /// <summary>The stored copy's SHA-256, or null.</summary>
        public string? Sha256 { get; init; }

        /// <summary>The stored copy's path relative to the data folder, or null.</summary>
        public string? Path { get; init; }
    }

    /// <summary>The airtime record of (<paramref name="occurrenceId"/>, <paramref name="position"/>), or null.</summary>
    public Target? Find(long occurrenceId, int position)
    {
        using var c = db.Open();
        return c.QuerySingleOrDefault<Target>(
            """
            SELECT a.id AS AirtimeId, o.zone_id AS ZoneId, a.relay_source_id AS RelaySourceId, r.sha256 AS Sha256, r.path AS Path
            FROM airtime a JOIN occurrences o ON o.id = a.occurrence_id LEFT JOIN airtime_recordings r ON r.airtime_id = a.id
            WHERE a.occurrence_id = @occurrenceId AND a.position = @position
            """, new { occurrenceId, position });
    }

    /// <summary>Records where the copy of <paramref name="airtimeId"/> is; false when a copy was already recorded.</summary>
    public bool Add(long airtimeId, string path, string sha256, long bytes, DateTimeOffset receivedUtc)
    {
        using var c = db.Open();
        return c.Execute(
            """
            INSERT INTO airtime_recordings (airtime_id, path, sha256, bytes, received_utc) VALUES (@airtimeId, @path, @sha256, @bytes, @at)
            ON CONFLICT (airtime_id) DO NOTHING
            """, new { airtimeId, path, sha256, bytes, at = SqlValues.Instant(receivedUtc) }) == 1;
    }
}
