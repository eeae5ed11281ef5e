using BroadcastHub.Core.Airtime;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BroadcastHub.Data.Repositories;

/// <summary>The append-only airtime log (nhật ký phát).</summary>
public sealed class AirtimeRepository(AppDatabase db)
{
    private sealed class Row
    {
        public long Id { get; set; }
        public long OccurrenceId { get; set; }
        public int Position { get; set; }
        public long BulletinId { get; set; }
        public long CommuneId { get; set; }
        public string ScheduledStart { get; set; } = "";
        public string? ActualStart { get; set; }
        public string? ActualEnd { get; set; }
        public double PlayedSeconds { get; set; }
        public string Outcome { get; set; } = "";
        public string? Error { get; set; }
        public string RecordedAt { get; set; } = "";
        public AirtimeRecord ToRecord() => new()
        {
            Id = Id, OccurrenceId = OccurrenceId, Position = Position, BulletinId = BulletinId, CommuneId = CommuneId,
            ScheduledStart = SqlValues.ParseInstant(ScheduledStart), ActualStart = SqlValues.ParseInstantOrNull(ActualStart),
            ActualEnd = SqlValues.ParseInstantOrNull(ActualEnd), PlayedSeconds = PlayedSeconds,
            Outcome = Enum.Parse<AirtimeOutcome>(Outcome), Error = Error, RecordedAt = SqlValues.ParseInstant(RecordedAt),
        };
    }

    /// <summary>
    /// Appends a record. Returns false (and changes nothing) when this item of this occurrence is already recorded:
    /// the unique key makes a second airing impossible to record.
    /// </summary>
    public bool TryAppend(AirtimeRecord r)
    {
        using var c = db.Open();
        try
        {
            c.Execute(
                """
                INSERT INTO airtime (occurrence_id, position, bulletin_id, scheduled_start, actual_start, actual_end,
                    played_seconds, outcome, error, recorded_at)
                VALUES (@OccurrenceId, @Position, @BulletinId, @ScheduledStart, @ActualStart, @ActualEnd,
                    @PlayedSeconds, @Outcome, @Error, @RecordedAt)
                """,
                new
                {
                    r.OccurrenceId, r.Position, r.BulletinId, ScheduledStart = SqlValues.Instant(r.ScheduledStart),
                    ActualStart = SqlValues.Instant(r.ActualStart), ActualEnd = SqlValues.Instant(r.ActualEnd),
                    r.PlayedSeconds, Outcome = r.Outcome.ToString(), r.Error, RecordedAt = SqlValues.Instant(r.RecordedAt),
                });
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19 && e.Message.Contains("UNIQUE", StringComparison.Ordinal))
        {
            return false;
        }
    }

    /// <summary>Records whose scheduled start is in [from, to), optionally of one commune, in time order.</summary>
    public IReadOnlyList<AirtimeRecord> Query(DateTimeOffset from, DateTimeOffset to, long? communeId = null, int limit = 10_000)
    {
        using var c = db.Open();
        return c.Query<Row>(
            """
            SELECT a.*, z.commune_id FROM airtime a
            JOIN occurrences o ON o.id = a.occurrence_id JOIN zones z ON z.id = o.zone_id
            WHERE a.scheduled_start >= @from AND a.scheduled_start < @to AND (@communeId IS NULL OR z.commune_id = @communeId)
            ORDER BY a.scheduled_start, a.occurrence_id, a.position LIMIT @limit
            """,
            new { from = SqlValues.Instant(from), to = SqlValues.Instant(to), communeId, limit }).Select(r => r.ToRecord()).ToList();
    }

    /// <summary>Positions already recorded for an occurrence.</summary>
    public IReadOnlySet<int> RecordedPositions(long occurrenceId)
    {
        using var c = db.Open();
        return c.Query<int>("SELECT position FROM airtime WHERE occurrence_id = @occurrenceId", new { occurrenceId }).ToHashSet();
    }
}
