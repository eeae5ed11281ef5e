using BroadcastHub.Core.Airtime;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Data.Tests;

/// <summary>Migration 0033: where the hub keeps an agent's relay recording, written once, beside the untouched airtime row.</summary>
public abstract class AgentRecordingRepositoryTests : IDisposable
{
    private readonly TempDatabase _db;
    private readonly AirtimeSeed _seed;

    protected AgentRecordingRepositoryTests(DatabaseProvider provider)
    {
        _db = new TempDatabase(provider);
        _seed = new AirtimeSeed(_db);
    }

    public void Dispose() => _db.Dispose();

    [DbFact]
    public void A_relay_records_hub_copy_is_recorded_once_and_served_before_the_agents_path()
    {
        var source = new RelaySourceRepository(_db.Database, _db.Time).Add("VOV1", "http://vov.example/vov1.mp3")!;
        var occ = _seed.Occurrence(_seed.Commune("Xã Trạm").Id, _db.Time.GetUtcNow(), 2);
        Assert.True(_seed.Airtime.TryAppend(new AirtimeRecord
        {
            OccurrenceId = occ.Id, Position = 1, ScheduledStart = occ.StartUtc, PlayedSeconds = 60, Outcome = AirtimeOutcome.Completed,
            RecordedAt = _db.Time.GetUtcNow(), RelaySourceId = source.Id, OutageSeconds = 0, Outages = 0, RecordingPath = "air/relay/agent.opus",
        }));
        var repository = new AgentRecordingRepository(_db.Database);
        var target = repository.Find(occ.Id, 1)!;
        Assert.Equal((occ.ZoneId, source.Id, (string?)null), (target.ZoneId, target.RelaySourceId, target.Sha256));
        Assert.Null(repository.Find(occ.Id, 0));

        Assert.True(repository.Add(target.AirtimeId, "air/relay/stations/station1/hub.opus", "ab", 10, _db.Time.GetUtcNow()));
        Assert.False(repository.Add(target.AirtimeId, "air/relay/stations/station1/other.opus", "cd", 11, _db.Time.GetUtcNow()));

        Assert.Equal("ab", repository.Find(occ.Id, 1)!.Sha256);
        Assert.Equal("air/relay/stations/station1/hub.opus", new AirtimeRecordingRepository(_db.Database).Find(target.AirtimeId)!.Path);
        Assert.True(_seed.Airtime.Verify().Intact);
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : AgentRecordingRepositoryTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : AgentRecordingRepositoryTests(DatabaseProvider.Postgres);
}
