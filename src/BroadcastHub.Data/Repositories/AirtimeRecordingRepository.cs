using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>Where an airtime record's relay recording is, and whose commune it belongs to (for the scope check).</summary>
public sealed class AirtimeRecordingRepository(AppDatabase db)
{
    /// <summary>One airtime record's commune and recording path (relative to the data folder).</summary>
    public sealed record Recording(long CommuneId, string? Path);

    private sealed class Row
    {
        public long CommuneId { get; set; }
        public string? RecordingPath { get; set; }
    }

    /// <summary>The record <paramref name="airtimeId"/>'s commune and recording path (the hub's copy of an agent's upload first), or null when there is no such record.</summary>
    public Recording? Find(long airtimeId)
    {
        using var c = db.Open();
        var row = c.QuerySingleOrDefault<Row>(
            """
            SELECT z.commune_id AS CommuneId, COALESCE(r.path, a.recording_path) AS RecordingPath FROM airtime a
            JOIN occurrences o ON o.id = a.occurrence_id JOIN zones z ON z.id = o.zone_id
            LEFT JOIN airtime_recordings r ON r.airtime_id = a.id
            WHERE a.id = @airtimeId
            """, new { airtimeId });
        return row is null ? null : new Recording(row.CommuneId, row.RecordingPath);
    }
}
