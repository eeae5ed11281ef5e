using BroadcastHub.Data.Repositories;
using Dapper;

namespace BroadcastHub.Data.Tests;

/// <summary>Crash recovery at start reads the claimed occurrences that ended recently through an index, whatever the history holds.</summary>
public abstract class AirtimeRecoveryQueryTests : IDisposable
{
    private readonly TempDatabase _db;

    protected AirtimeRecoveryQueryTests(DatabaseProvider provider) => _db = new TempDatabase(provider);

    public void Dispose() => _db.Dispose();

    [DbFact]
    public void Only_recent_claimed_occurrences_are_read_through_the_state_and_end_index_among_thirty_thousand_old_ones()
    {
        var seed = new AirtimeSeed(_db);
        var now = _db.Time.GetUtcNow();
        var recent = seed.Occurrence(seed.Commune("Xã Gần").Id, now.AddHours(-2), 2);
        var zone = recent.ZoneId;
        using (var c = _db.Database.Open())
        {
            c.Execute(
                """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
                INSERT INTO occurrences (session_id, zone_id, kind, local_date, start_utc, end_utc, state)
                SELECT NULL, @zone, 'emergency', '2020-01-01', '2020-01-01T00:00:00.0000000Z', '2020-01-01T00:30:00.0000000Z', 'Claimed' FROM n
                """, new { zone });
            c.Execute("UPDATE occurrences SET state = 'Claimed' WHERE id = @Id", new { recent.Id });

            if (_db.Provider == DatabaseProvider.Sqlite)   // PostgreSQL's planner picks by statistics; its answer is checked below
            {
                var plan = string.Join("\n", c.Query<(long Id, long Parent, long Unused, string Detail)>(
                    "EXPLAIN QUERY PLAN " + AirtimeRecoveryQuery.Sql, new { endedAfter = "2026-01-01" }).Select(r => r.Detail));
                Assert.Contains("USING INDEX ix_occurrences_state_end (state=? AND end_utc>?)", plan);
                Assert.DoesNotContain("SCAN o", plan);
            }
        }

        var read = new AirtimeRecoveryQuery(_db.Database).ClaimedEndingAfter(now.AddDays(-7));

        Assert.Equal([recent.Id], read.Select(o => o.Id));
        Assert.Equal((recent.ZoneId, recent.StartUtc, recent.EndUtc), (read[0].ZoneId, read[0].StartUtc, read[0].EndUtc));
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : AirtimeRecoveryQueryTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : AirtimeRecoveryQueryTests(DatabaseProvider.Postgres);
}
