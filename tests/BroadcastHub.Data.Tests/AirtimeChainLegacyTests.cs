using BroadcastHub.Core.Airtime;
using Dapper;

namespace BroadcastHub.Data.Tests;

/// <summary>A database whose log has records written before migration 0011: the chain starts after them.</summary>
public abstract class AirtimeChainLegacyTests : IDisposable
{
    private readonly TempDatabase _db;

    protected AirtimeChainLegacyTests(DatabaseProvider provider) => _db = new TempDatabase(provider);

    public void Dispose() => _db.Dispose();

    [DbFact]
    public void Records_older_than_the_chain_are_counted_as_unchained_and_new_ones_start_from_genesis()
    {
        var seed = new AirtimeSeed(_db);
        var occ = seed.Occurrence(seed.Commune("Xã cũ").Id, _db.Time.GetUtcNow(), 3);
        using (var raw = _db.Database.Open())
        {
            // What 0011 finds on an upgraded station: two records without hashes, noted as the chain's origin.
            raw.Execute(_db.DropTriggers("airtime", "airtime_chain_required") + _db.DropTriggers("airtime_chain_origin", "airtime_chain_origin_no_update"));
            raw.Execute(
                """
                INSERT INTO airtime (id, occurrence_id, position, bulletin_id, scheduled_start, played_seconds, outcome, recorded_at)
                VALUES (1, @Id, 0, @b, 's', 60, 'Completed', 'r'), (2, @Id, 1, @b, 's', 0, 'Missed', 'r')
                """, new { occ.Id, b = seed.BulletinId });
            raw.Execute("UPDATE airtime_chain_origin SET legacy_until_id = 2");
        }

        Assert.False(seed.Record(occ, 1, AirtimeOutcome.Completed, 60));
        Assert.True(seed.Record(occ, 2, AirtimeOutcome.Completed, 60));

        var stored = Assert.Single(seed.Airtime.Query(occ.StartUtc.AddHours(-1), occ.StartUtc.AddHours(1)), r => r.Id == 3);
        Assert.Equal(AirtimeChain.Genesis, stored.PrevHash);
        Assert.Equal(new AirtimeChainReport(true, 3, null, 2, 3, stored.Hash), seed.Airtime.Verify());
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : AirtimeChainLegacyTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : AirtimeChainLegacyTests(DatabaseProvider.Postgres);
}
