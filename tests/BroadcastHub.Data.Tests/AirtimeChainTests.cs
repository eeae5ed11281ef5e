using System.Data.Common;
using BroadcastHub.Core.Airtime;
using Dapper;

namespace BroadcastHub.Data.Tests;

public abstract class AirtimeChainTests : IDisposable
{
    private readonly TempDatabase _db;
    private readonly AirtimeSeed _seed;

    protected AirtimeChainTests(DatabaseProvider provider)
    {
        _db = new TempDatabase(provider);
        _seed = new AirtimeSeed(_db);
    }

    public void Dispose() => _db.Dispose();

    private (long Id, string Prev, string Hash)[] Links()
    {
        using var c = _db.Database.Open();
        return c.Query<(long, string, string)>("SELECT id, prev_hash, hash FROM airtime ORDER BY id").ToArray();
    }

    private void Tamper(string sql)
    {
        using var c = _db.Database.Open();
        c.Execute(_db.DropTriggers("airtime", "airtime_no_update", "airtime_no_delete"));
        c.Execute(sql);
    }

    [DbFact]
    public void Each_record_links_to_the_one_before_and_the_chain_verifies()
    {
        var occ = _seed.Occurrence(_seed.Commune("Xã Lũng Cú").Id, _db.Time.GetUtcNow(), 3);
        Assert.True(_seed.Record(occ, 0, AirtimeOutcome.Completed, 60));
        Assert.True(_seed.Record(occ, 1, AirtimeOutcome.Preempted, 12.5, "dừng phát \"khẩn\"\nline"));
        Assert.True(_seed.Record(occ, 2, AirtimeOutcome.Skipped, 0));

        var links = Links();
        Assert.Equal(AirtimeChain.Genesis, links[0].Prev);
        Assert.Equal(links[0].Hash, links[1].Prev);
        Assert.Equal(links[1].Hash, links[2].Prev);
        Assert.All(links, l => Assert.Matches("^[0-9a-f]{64}$", l.Hash));
        var stored = _seed.Airtime.Query(occ.StartUtc.AddHours(-1), occ.StartUtc.AddHours(1));
        Assert.Equal(links.Select(l => l.Hash), stored.OrderBy(r => r.Id).Select(r => r.Hash));
        Assert.Equal(new AirtimeChainReport(true, 3, null, 0, links[2].Id, links[2].Hash), _seed.Airtime.Verify());
    }

    [DbFact]
    public void A_second_airing_is_refused_without_touching_the_chain()
    {
        var occ = _seed.Occurrence(_seed.Commune("Xã A").Id, _db.Time.GetUtcNow(), 2);
        Assert.True(_seed.Record(occ, 0, AirtimeOutcome.Completed, 60));
        Assert.False(_seed.Record(occ, 0, AirtimeOutcome.Failed, 0, "again"));
        Assert.True(_seed.Record(occ, 1, AirtimeOutcome.Completed, 60));

        var links = Links();
        Assert.Equal([1L, 2L], links.Select(l => l.Id));
        Assert.Equal(links[0].Hash, links[1].Prev);
        Assert.True(_seed.Airtime.Verify().Intact);
    }

    [DbFact]
    public void An_empty_log_is_intact()
    {
        Assert.Equal(new AirtimeChainReport(true, 0, null, 0, null, null), _seed.Airtime.Verify());
    }

    [DbFact]
    public void Concurrent_zones_append_one_after_the_other_and_the_chain_stays_whole()
    {
        var occurrences = Enumerable.Range(0, 6).Select(i => _seed.Occurrence(_seed.Commune($"Xã {i}").Id, _db.Time.GetUtcNow(), 10)).ToList();
        Parallel.ForEach(occurrences.SelectMany(o => Enumerable.Range(0, 10).Select(p => (o, p))).Concat(
                occurrences.Select(o => (o, p: 3))), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            x => _seed.Record(x.o, x.p, AirtimeOutcome.Completed, 60));

        var report = _seed.Airtime.Verify();
        Assert.True(report.Intact);
        Assert.Equal(60, report.Records);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), Links().Select(l => l.Id));
    }

    [DbFact]
    public void An_altered_field_breaks_the_chain_at_that_record()
    {
        var occ = _seed.Occurrence(_seed.Commune("Xã B").Id, _db.Time.GetUtcNow(), 4);
        for (var p = 0; p < 4; p++) _seed.Record(occ, p, AirtimeOutcome.Completed, 60);

        Tamper("UPDATE airtime SET outcome = 'Missed', played_seconds = 0 WHERE id = 2");

        Assert.Equal(new AirtimeChainReport(false, 4, 2, 0, 4, Links()[3].Hash), _seed.Airtime.Verify());
    }

    [DbFact]
    public void A_record_rehashed_after_tampering_breaks_the_link_of_the_next_one()
    {
        var occ = _seed.Occurrence(_seed.Commune("Xã C").Id, _db.Time.GetUtcNow(), 4);
        for (var p = 0; p < 4; p++) _seed.Record(occ, p, AirtimeOutcome.Completed, 60);
        var second = Links()[1];
        var altered = new AirtimeChainEntry(2, occ.Id, 1, _seed.BulletinId, SqlValues.Instant(occ.StartUtc.AddMinutes(1)), null, null, 0,
            "Missed", null, SqlValues.Instant(_db.Time.GetUtcNow()), new AirtimeChainPlace(occ.ZoneId, occ.CommuneId, new string('a', 64)));

        Tamper($"""
            UPDATE airtime SET actual_start = NULL, actual_end = NULL, played_seconds = 0, outcome = 'Missed',
                hash = '{AirtimeChain.Hash(altered, second.Prev)}' WHERE id = 2
            """);

        var report = _seed.Airtime.Verify();
        Assert.False(report.Intact);
        Assert.Equal(3, report.FirstBrokenId);
    }

    [DbFact]
    public void A_deleted_record_breaks_the_chain_at_the_record_after_it()
    {
        var occ = _seed.Occurrence(_seed.Commune("Xã D").Id, _db.Time.GetUtcNow(), 4);
        for (var p = 0; p < 4; p++) _seed.Record(occ, p, AirtimeOutcome.Completed, 60);

        Tamper("DELETE FROM airtime WHERE id = 2");

        var report = _seed.Airtime.Verify();
        Assert.Equal((false, 3L, 3L), (report.Intact, report.Records, report.FirstBrokenId));
    }

    [DbFact]
    public void A_record_that_bypasses_the_chain_is_refused()
    {
        var occ = _seed.Occurrence(_seed.Commune("Xã E").Id, _db.Time.GetUtcNow(), 1);
        using var c = _db.Database.Open();
        var e = Assert.ThrowsAny<DbException>(() => c.Execute(
            """
            INSERT INTO airtime (occurrence_id, position, bulletin_id, scheduled_start, played_seconds, outcome, recorded_at)
            VALUES (@Id, 0, @bulletin, 'x', 0, 'Missed', 'x')
            """, new { occ.Id, bulletin = _seed.BulletinId }));
        Assert.Contains("hash chain", e.Message);
        Assert.ThrowsAny<DbException>(() => c.Execute("UPDATE airtime_chain_origin SET legacy_until_id = 99"));
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : AirtimeChainTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : AirtimeChainTests(DatabaseProvider.Postgres);
}
