using BroadcastHub.Core.Airtime;
using BroadcastHub.Data.Repositories;
using Dapper;

namespace BroadcastHub.Data.Tests;

/// <summary>Migration 0031: a relay's airtime record (no bulletin, its source, outages, recording) in the hash chain (form 3).</summary>
public abstract class AirtimeRelayTests : IDisposable
{
    private readonly TempDatabase _db;
    private readonly AirtimeSeed _seed;

    protected AirtimeRelayTests(DatabaseProvider provider)
    {
        _db = new TempDatabase(provider);
        _seed = new AirtimeSeed(_db);
    }

    public void Dispose() => _db.Dispose();

    private AirtimeRecord Relay(Core.Scheduling.Occurrence occ, int position, long sourceId) => new()
    {
        OccurrenceId = occ.Id, Position = position, ScheduledStart = occ.StartUtc, ActualStart = occ.StartUtc, ActualEnd = occ.StartUtc.AddSeconds(60),
        PlayedSeconds = 60, Outcome = AirtimeOutcome.Completed, RecordedAt = _db.Time.GetUtcNow(), RelaySourceId = sourceId,
        OutageSeconds = 7.25, Outages = 1, RecordingPath = $"air/relay/2026/12/07/occ{occ.Id}-p{position}.opus",
    };

    [DbFact]
    public void A_relay_record_is_stored_without_a_bulletin_and_read_back_with_its_fields()
    {
        var source = new RelaySourceRepository(_db.Database, _db.Time).Add("VOV1", "http://vov.example/vov1.mp3")!;
        var occ = _seed.Occurrence(_seed.Commune("Xã Tiếp Sóng").Id, _db.Time.GetUtcNow(), 2);
        Assert.True(_seed.Record(occ, 0, AirtimeOutcome.Completed, 60));
        Assert.True(_seed.Airtime.TryAppend(Relay(occ, 1, source.Id)));

        var records = _seed.Airtime.Query(occ.StartUtc.AddDays(-1), occ.StartUtc.AddDays(1)).OrderBy(r => r.Position).ToList();
        var relay = records[1];
        Assert.Equal((0L, source.Id, 7.25, 1), (relay.BulletinId, relay.RelaySourceId, relay.OutageSeconds, relay.Outages));
        Assert.Equal($"air/relay/2026/12/07/occ{occ.Id}-p1.opus", relay.RecordingPath);
        Assert.True(relay.IsRelay);
        Assert.False(records[0].IsRelay);
        using var c = _db.Database.Open();
        Assert.Equal([2L, 3L], c.Query<long>("SELECT chain_form FROM airtime ORDER BY id"));
        Assert.Null(c.ExecuteScalar<long?>("SELECT bulletin_id FROM airtime WHERE position = 1"));
        Assert.True(_seed.Airtime.Verify().Intact);
        // A bulletin's record after a relay's is still form 2, and the chain holds.
        var next = _seed.Occurrence(_seed.Commune("Xã Sau").Id, _db.Time.GetUtcNow(), 1);
        Assert.True(_seed.Record(next, 0, AirtimeOutcome.Completed, 60));
        Assert.True(_seed.Airtime.Verify().Intact);
    }

    [DbFact]
    public void Altering_a_relay_records_outage_breaks_the_chain_at_it()
    {
        var source = new RelaySourceRepository(_db.Database, _db.Time).Add("Đài tỉnh", "https://tinh.example/live.m3u8")!;
        var occ = _seed.Occurrence(_seed.Commune("Xã Mất Luồng").Id, _db.Time.GetUtcNow(), 1);
        Assert.True(_seed.Airtime.TryAppend(Relay(occ, 0, source.Id)));
        using (var c = _db.Database.Open())
            c.Execute(_db.DropTriggers("airtime", "airtime_no_update") + "UPDATE airtime SET outage_seconds = 0.5");

        var report = _seed.Airtime.Verify();
        Assert.Equal((false, 1L, AirtimeChainCodes.RecordBroken), (report.Intact, report.FirstBrokenId, report.Code));
    }

    [DbFact]
    public void The_form_3_canonical_text_has_no_bulletin_and_adds_the_relay_fields()
    {
        var entry = new AirtimeChainEntry(7, 42, 1, null, "s", null, null, 60, "Completed", null, "r",
            new AirtimeChainPlace(5, 9, null), new AirtimeChainRelay(3, 1.5, 2, "air/relay/x.opus"));
        var text = AirtimeChain.Canonical(entry, AirtimeChain.Genesis);
        Assert.StartsWith("bh-airtime-chain-v3\nid=1:7\noccurrence_id=2:42\nposition=1:1\nbulletin_id=-\nrelay_source_id=1:3\nzone_id=1:5\ncommune_id=1:9\n", text);
        Assert.Contains("\noutage_seconds=16:3ff8000000000000\noutages=1:2\nrecording_path=16:air/relay/x.opus\noutcome=", text);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))),
            AirtimeChain.Hash(entry, AirtimeChain.Genesis));
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : AirtimeRelayTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : AirtimeRelayTests(DatabaseProvider.Postgres);
}
