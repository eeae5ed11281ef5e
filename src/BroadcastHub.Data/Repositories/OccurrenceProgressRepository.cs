using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>What the engine last wrote about an occurrence on air.</summary>
/// <param name="Position">Rundown position on air.</param>
/// <param name="ItemStartedAt">When that item's first sample aired.</param>
/// <param name="HeartbeatAt">Last instant the engine confirmed it was still airing.</param>
/// <param name="ResumeCount">How many times the occurrence was resumed after a crash.</param>
public sealed record OccurrenceProgress(int? Position, DateTimeOffset? ItemStartedAt, DateTimeOffset? HeartbeatAt, int ResumeCount);

/// <summary>Heartbeat of occurrences on air, and the once-only claim to resume one after a crash.</summary>
public sealed class OccurrenceProgressRepository(AppDatabase db)
{
    private sealed record Row(long? ProgressPosition, string? ProgressItemStartedAt, string? ProgressAt, long ResumeCount);

    /// <summary>Records that <paramref name="position"/> is on air since <paramref name="itemStartedAt"/>, as of <paramref name="at"/>.</summary>
    public void Beat(long occurrenceId, int position, DateTimeOffset itemStartedAt, DateTimeOffset at)
    {
        using var c = db.Open();
        c.Execute(
            "UPDATE occurrences SET progress_position = @position, progress_item_started_at = @started, progress_at = @at WHERE id = @occurrenceId",
            new { occurrenceId, position, started = SqlValues.Instant(itemStartedAt), at = SqlValues.Instant(at) });
    }

    /// <summary>The last progress written for an occurrence.</summary>
    public OccurrenceProgress Get(long occurrenceId)
    {
        using var c = db.Open();
        var row = c.QuerySingle<Row>(
            """
            SELECT progress_position AS ProgressPosition, progress_item_started_at AS ProgressItemStartedAt,
                   progress_at AS ProgressAt, resume_count AS ResumeCount
            FROM occurrences WHERE id = @occurrenceId
            """, new { occurrenceId });
        return new OccurrenceProgress((int?)row.ProgressPosition, SqlValues.ParseInstantOrNull(row.ProgressItemStartedAt),
            SqlValues.ParseInstantOrNull(row.ProgressAt), (int)row.ResumeCount);
    }

    /// <summary>Claims the right to resume once more; only the caller that saw <paramref name="seenCount"/> wins.</summary>
    public bool TryBeginResume(long occurrenceId, int seenCount)
    {
        using var c = db.Open();
        return c.Execute("UPDATE occurrences SET resume_count = resume_count + 1 WHERE id = @occurrenceId AND resume_count = @seenCount",
            new { occurrenceId, seenCount }) == 1;
    }
}
