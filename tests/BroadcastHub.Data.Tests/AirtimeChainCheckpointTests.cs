using BroadcastHub.Core.Airtime;
using BroadcastHub.Data.Repositories;
using Dapper;

namespace BroadcastHub.Data.Tests;

/// <summary>Signed checkpoints of the chain's head: a cut tail or a rewritten head is reported against the last one.</summary>
public abstract class AirtimeChainCheckpointTests : IDisposable
{
    private readonly TempDatabase _db;
    private readonly AirtimeSeed _seed;
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "bh-keys-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly AirtimeCheckpointKey _key;
    private readonly AirtimeCheckpoints _checkpoints;

    protected AirtimeChainCheckpointTests(DatabaseProvider provider)
    {
        _db = new TempDatabase(provider);
        _seed = new AirtimeSeed(_db);
        _key = new AirtimeCheckpointKey(_keys);
        _checkpoints = new AirtimeCheckpoints(_db.Database, _seed.Airtime, _key, _db.Time);
    }

    public void Dispose()
    {
        _key.Dispose();
        _db.Dispose();
        Directory.Delete(_keys, recursive: true);
    }

    private void Raw(string sql, object? args = null)
    {
        using var c = _db.Database.Open();
        c.Execute(sql, args);
    }

    private Core.Scheduling.Occurrence AirFour()
    {
        var occ = _seed.Occurrence(_seed.Commune("Xã Mốc " + Guid.NewGuid().ToString("N")[..4]).Id, _db.Time.GetUtcNow(), 4);
        for (var p = 0; p < 4; p++) Assert.True(_seed.Record(occ, p, AirtimeOutcome.Completed, 60));
        return occ;
    }

    [DbFact]
    public void The_key_lives_in_a_file_only_its_owner_reads_and_signs_heads_that_verify()
    {
        Assert.True(File.Exists(Path.Combine(_keys, AirtimeCheckpointKey.FileName)));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_keys, AirtimeCheckpointKey.FileName)));
        AirFour();

        var signed = _checkpoints.Sign();

        Assert.Equal((4L, 0L), (signed.HeadId, signed.LegacyUntilId));
        Assert.True(_key.Verifies(signed.Payload, signed.Signature));
        using var again = new AirtimeCheckpointKey(_keys);
        Assert.Equal(_key.KeyId, again.KeyId);
        Assert.Equal(signed, _checkpoints.Sign());
        var report = _checkpoints.Verify();
        Assert.Equal((true, AirtimeChainCodes.Intact, signed), (report.Intact, report.Code, report.Checkpoint));
    }

    [DbFact]
    public void A_cut_tail_is_reported_against_the_last_checkpoint_and_never_signed_over()
    {
        AirFour();
        var signed = _checkpoints.Sign();

        Raw(_db.DropTriggers("airtime", "airtime_no_delete") + "DELETE FROM airtime WHERE id > 2");

        var report = _checkpoints.Verify();
        Assert.Equal((false, AirtimeChainCodes.TailCut, 2L, (long?)null), (report.Intact, report.Code, report.LastId, report.FirstBrokenId));
        Assert.Equal(signed, _checkpoints.Sign());
        Assert.Null(_checkpoints.SignIfDue(1, TimeSpan.Zero));
    }

    [DbFact]
    public void Deleting_the_checkpoints_from_the_database_does_not_hide_a_cut_tail()
    {
        AirFour();
        var signed = _checkpoints.Sign();

        Raw(_db.DropTriggers("airtime", "airtime_no_delete") + _db.DropTriggers("airtime_checkpoints", "airtime_checkpoints_no_delete") + "DELETE FROM airtime WHERE id > 2; DELETE FROM airtime_checkpoints");

        var report = _checkpoints.Verify();
        Assert.Equal((AirtimeChainCodes.TailCut, signed), (report.Code, report.Checkpoint));
        Assert.Equal(signed, _checkpoints.Sign());
    }

    [DbFact]
    public void A_history_rewritten_to_the_end_no_longer_reaches_the_signed_head()
    {
        var occ = AirFour();
        _checkpoints.Sign();

        // Records 3 and 4 replaced and re-linked: every link holds, but the head is not the one that was signed.
        Raw(_db.DropTriggers("airtime", "airtime_no_delete") + "DELETE FROM airtime WHERE id > 2");
        _seed.Record(occ, 2, AirtimeOutcome.Missed, 0);
        _seed.Record(occ, 3, AirtimeOutcome.Missed, 0);

        var report = _checkpoints.Verify();
        Assert.Null(report.FirstBrokenId);
        Assert.Equal((false, AirtimeChainCodes.CheckpointMismatch), (report.Intact, report.Code));
    }

    [DbFact]
    public void A_forged_checkpoint_is_not_trusted()
    {
        AirFour();
        var signed = _checkpoints.Sign();

        Raw("INSERT INTO airtime_checkpoints (head_id, head_hash, legacy_until_id, signed_at, key_id, signature) VALUES (2, @h, 0, 'x', @k, @s)",
            new { h = signed.HeadHash, k = signed.KeyId, s = signed.Signature });

        Assert.Equal(AirtimeChainCodes.CheckpointSignatureInvalid, _checkpoints.Verify().Code);
    }

    [DbFact]
    public void Checkpoints_are_signed_every_n_records_or_after_the_interval()
    {
        AirFour();
        Assert.Equal(4, _checkpoints.SignIfDue(3, TimeSpan.FromHours(1))!.HeadId);
        Assert.Null(_checkpoints.SignIfDue(3, TimeSpan.FromHours(1)));
        AirFour();
        Assert.Equal(8, _checkpoints.SignIfDue(3, TimeSpan.FromHours(1))!.HeadId);
        var occ = _seed.Occurrence(_seed.Commune("Xã Giờ").Id, _db.Time.GetUtcNow(), 1);
        _seed.Record(occ, 0, AirtimeOutcome.Completed, 60);
        Assert.Null(_checkpoints.SignIfDue(3, TimeSpan.FromHours(1)));
        _db.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(9, _checkpoints.SignIfDue(3, TimeSpan.FromHours(1))!.HeadId);
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : AirtimeChainCheckpointTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : AirtimeChainCheckpointTests(DatabaseProvider.Postgres);
}
