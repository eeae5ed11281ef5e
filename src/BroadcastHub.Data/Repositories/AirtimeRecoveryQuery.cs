using BroadcastHub.Core.Scheduling;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>What crash recovery reads at start: claimed occurrences that ended recently, never the whole history.</summary>
public sealed class AirtimeRecoveryQuery(AppDatabase db)
{
    /// <summary>The query; it searches the <c>(state, end_utc)</c> index, so its cost follows the window, not the history.</summary>
    public const string Sql =
        """
        SELECT o.id AS Id, o.session_id AS SessionId, z.commune_id AS CommuneId, o.zone_id AS ZoneId, o.local_date AS LocalDate,
            o.start_utc AS StartUtc, o.end_utc AS EndUtc
        FROM occurrences o JOIN zones z ON z.id = o.zone_id
        WHERE o.state = 'Claimed' AND o.end_utc > @endedAfter
        ORDER BY o.start_utc
        """;

    /// <summary>Claimed occurrences that end after <paramref name="endedAfter"/>, in start order.</summary>
    public IReadOnlyList<Occurrence> ClaimedEndingAfter(DateTimeOffset endedAfter)
    {
        using var c = db.Open();
        return c.Query<(long Id, long? SessionId, long CommuneId, long ZoneId, string LocalDate, string StartUtc, string EndUtc)>(
                Sql, new { endedAfter = SqlValues.Instant(endedAfter) })
            .Select(r => new Occurrence(r.Id, r.SessionId, r.CommuneId, r.ZoneId, SqlValues.ParseDate(r.LocalDate),
                SqlValues.ParseInstant(r.StartUtc), SqlValues.ParseInstant(r.EndUtc), OccurrenceState.Claimed))
            .ToList();
    }
}
