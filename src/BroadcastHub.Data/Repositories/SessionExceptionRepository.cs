using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>Dates on which a session is cancelled.</summary>
public sealed class SessionExceptionRepository(AppDatabase db, TimeProvider time)
{
    /// <summary>Cancels a session on a local date; false when it was already cancelled then.</summary>
    public bool Cancel(long sessionId, DateOnly date, string reason, string user)
    {
        using var c = db.Open();
        return c.Execute(
            """
            INSERT INTO session_exceptions (session_id, local_date, reason, created_at, created_by)
            VALUES (@sessionId, @date, @reason, @now, @user) ON CONFLICT DO NOTHING
            """,
            new { sessionId, date = SqlValues.Date(date), reason, now = SqlValues.Instant(time.GetUtcNow()), user }) == 1;
    }

    /// <summary>The cancelled (session, date) pairs in a range of local dates.</summary>
    public IReadOnlySet<(long SessionId, DateOnly Date)> Cancelled(DateOnly from, DateOnly to)
    {
        using var c = db.Open();
        return c.Query<(long SessionId, string Date)>(
                "SELECT session_id, local_date FROM session_exceptions WHERE local_date BETWEEN @from AND @to",
                new { from = SqlValues.Date(from), to = SqlValues.Date(to) })
            .Select(r => (r.SessionId, SqlValues.ParseDate(r.Date))).ToHashSet();
    }
}
