using System.Security.Cryptography;
using System.Text;
using BroadcastHub.Core.Airtime;
using Dapper;

namespace BroadcastHub.Data.Tests;

/// <summary>Form 2 of the chain: where a record aired and which audio it was are inside its hash; form-1 records still verify.</summary>
public abstract class AirtimeChainPlaceTests : IDisposable
{
    private readonly TempDatabase _db;
    private readonly AirtimeSeed _seed;

    protected AirtimeChainPlaceTests(DatabaseProvider provider)
    {
        _db = new TempDatabase(provider);
        _seed = new AirtimeSeed(_db);
    }

    public void Dispose() => _db.Dispose();

    private void Raw(string sql, object? args = null)
    {
        using var c = _db.Database.Open();
        c.Execute(sql, args);
    }

    [DbFact]
    public void The_form_2_canonical_text_adds_the_bulletin_hash_the_zone_and_the_commune_after_the_bulletin()
    {
        var entry = new AirtimeChainEntry(7, 42, 0, 3, "2026-11-27T22:30:00.0000000Z", null, null, 0, "Missed", null,
            "2026-11-27T22:31:00.5000000Z", new AirtimeChainPlace(5, 9, new string('a', 64)));
        var expected =
            "bh-airtime-chain-v2\nid=1:7\noccurrence_id=2:42\nposition=1:0\nbulletin_id=1:3\n" +
            $"bulletin_sha256=64:{new string('a', 64)}\nzone_id=1:5\ncommune_id=1:9\n" +
            "scheduled_start=28:2026-11-27T22:30:00.0000000Z\nactual_start=-\nactual_end=-\n" +
            "played_seconds=16:0000000000000000\noutcome=6:Missed\nerror=-\nrecorded_at=28:2026-11-27T22:31:00.5000000Z\n" +
            $"prev_hash=64:{AirtimeChain.Genesis}\n";
        Assert.Equal(expected, AirtimeChain.Canonical(entry, AirtimeChain.Genesis));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expected))), AirtimeChain.Hash(entry, AirtimeChain.Genesis));
        Assert.Equal("zone_id=-", AirtimeChain.Canonical(entry with { Place = new(null, null, null) }, AirtimeChain.Genesis).Split('\n')[6]);
        Assert.NotEqual(AirtimeChain.Hash(entry, AirtimeChain.Genesis), AirtimeChain.Hash(entry with { Place = null }, AirtimeChain.Genesis));
    }

    [DbFact]
    public void A_record_moved_to_another_commune_breaks_the_chain_at_that_record()
    {
        var here = _seed.Occurrence(_seed.Commune("Xã Đây").Id, _db.Time.GetUtcNow(), 3);
        var there = _seed.Occurrence(_seed.Commune("Xã Kia").Id, _db.Time.GetUtcNow(), 1);
        for (var p = 0; p < 3; p++) Assert.True(_seed.Record(here, p, AirtimeOutcome.Completed, 60));
        Assert.True(_seed.Airtime.Verify().Intact);

        Raw("UPDATE occurrences SET zone_id = @ZoneId WHERE id = @Id", new { there.ZoneId, here.Id });

        var report = _seed.Airtime.Verify();
        Assert.Equal((false, 1L, AirtimeChainCodes.RecordBroken), (report.Intact, report.FirstBrokenId, report.Code));
    }

    [DbFact]
    public void A_record_pointed_at_other_audio_breaks_the_chain()
    {
        var occ = _seed.Occurrence(_seed.Commune("Xã Âm").Id, _db.Time.GetUtcNow(), 2);
        for (var p = 0; p < 2; p++) _seed.Record(occ, p, AirtimeOutcome.Completed, 60);

        Raw("UPDATE bulletins SET sha256 = @sha WHERE id = @id", new { sha = new string('c', 64), id = _seed.BulletinId });

        Assert.Equal(1, _seed.Airtime.Verify().FirstBrokenId);
    }

    [DbFact]
    public void Form_1_records_still_verify_and_the_chain_continues_in_form_2_but_never_goes_back()
    {
        var occ = _seed.Occurrence(_seed.Commune("Xã Cũ").Id, _db.Time.GetUtcNow(), 4);
        // What a station wrote before migration 0019: form-1 records, hashed without their place.
        var prev = AirtimeChain.Genesis;
        for (var id = 1; id <= 2; id++)
        {
            var entry = new AirtimeChainEntry(id, occ.Id, id - 1, _seed.BulletinId, "s", null, null, 0, "Missed", null, "r");
            var hash = AirtimeChain.Hash(entry, prev);
            Raw("""
                INSERT INTO airtime (id, occurrence_id, position, bulletin_id, scheduled_start, played_seconds, outcome, recorded_at, prev_hash, hash)
                VALUES (@id, @occ, @position, @b, 's', 0, 'Missed', 'r', @prev, @hash)
                """, new { id, occ = occ.Id, position = id - 1, b = _seed.BulletinId, prev, hash });
            prev = hash;
        }
        Assert.True(_seed.Record(occ, 2, AirtimeOutcome.Completed, 60));
        Assert.True(_seed.Record(occ, 3, AirtimeOutcome.Completed, 60));

        using (var c = _db.Database.Open())
            Assert.Equal([1L, 1L, 2L, 2L], c.Query<long>("SELECT chain_form FROM airtime ORDER BY id"));
        Assert.Equal(AirtimeChainCodes.Intact, _seed.Airtime.Verify().Code);

        // Recomputing record 4 in form 1 (leaving its place out) and linking it is still refused: forms never go back.
        using (var c = _db.Database.Open())
        {
            var third = c.QuerySingle<string>("SELECT hash FROM airtime WHERE id = 3");
            var r = c.QuerySingle<(string S, string? A, string? E, string R)>("SELECT scheduled_start, actual_start, actual_end, recorded_at FROM airtime WHERE id = 4");
            var downgraded = AirtimeChain.Hash(new AirtimeChainEntry(4, occ.Id, 3, _seed.BulletinId, r.S, r.A, r.E, 60, "Completed", null, r.R), third);
            Raw(_db.DropTriggers("airtime", "airtime_no_update") + "UPDATE airtime SET chain_form = 1, hash = @downgraded WHERE id = 4", new { downgraded });
        }
        Assert.Equal(4, _seed.Airtime.Verify().FirstBrokenId);
    }

    [DbFact]
    public void A_moved_origin_is_found_even_when_every_remaining_link_holds()
    {
        var occ = _seed.Occurrence(_seed.Commune("Xã Gốc").Id, _db.Time.GetUtcNow(), 4);
        for (var p = 0; p < 4; p++) _seed.Record(occ, p, AirtimeOutcome.Completed, 60);

        // Claiming every record predates the chain would let any of them be rewritten unchecked.
        Raw(_db.DropTriggers("airtime_chain_origin", "airtime_chain_origin_no_update") + "UPDATE airtime_chain_origin SET legacy_until_id = 4");

        var report = _seed.Airtime.Verify();
        Assert.Equal((false, 1L, AirtimeChainCodes.OriginMoved), (report.Intact, report.FirstBrokenId, report.Code));
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : AirtimeChainPlaceTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : AirtimeChainPlaceTests(DatabaseProvider.Postgres);
}
