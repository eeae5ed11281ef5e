using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Core.Time;
using BroadcastHub.Playout;
using BroadcastHub.Station.Cache;
using BroadcastHub.Station.Local;
using BroadcastHub.Station.Playout;
using BroadcastHub.Station.Sync;
using BroadcastHub.Station.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BroadcastHub.Station.Tests.Playout;

/// <summary>The agent's playout store, airtime chain and media checks on a real local SQLite file and media folder.</summary>
public sealed class LocalPlayoutTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
    private static readonly string Cached = new('a', 64);
    private static readonly string Absent = new('b', 64);
    private readonly TempFolder _data = new();
    private readonly LocalDatabase _db;
    private readonly ManifestStore _manifests;
    private readonly LocalPlayoutStore _store;
    private readonly LocalAirtimeLog _log;

    public LocalPlayoutTests()
    {
        _db = new LocalDatabase(_data.Path);
        _manifests = new ManifestStore(_db);
        _store = new LocalPlayoutStore(_db);
        _log = new LocalAirtimeLog(_db, TimeProvider.System);
        _manifests.Replace(Manifest("v1", Occurrence(1, "Planned"), Occurrence(2, "Planned")), Start.AddHours(-1));
    }

    [Fact]
    public void The_engine_reads_the_manifest_rundown_with_exact_durations_and_claims_an_occurrence_once()
    {
        var occ = _store.FindOccurrence(1)!;
        var bulletins = _store.Bulletins(_store.Rundown(1).Select(r => r.BulletinId));

        Assert.Equal((OccurrenceState.Planned, 7L, new DateOnly(2026, 12, 7)), (occ.State, occ.ZoneId, occ.LocalDate));
        Assert.Equal([0, 1], _store.Rundown(1).Select(r => r.Position));
        Assert.Equal(2.5, bulletins[11].DurationSeconds);
        Assert.True(_store.Plays(7));
        Assert.False(_store.Plays(8));
        Assert.True(_store.TryTransition(1, OccurrenceState.Claimed, Start));
        Assert.False(_store.TryTransition(1, OccurrenceState.Claimed, Start));
        Assert.Equal(OccurrenceState.Claimed, _store.FindOccurrence(1)!.State);
        Assert.Equal([2], _store.PlannedBetween(Start.AddMinutes(-1), Start.AddMinutes(5)).Select(o => o.Id));
    }

    [Fact]
    public void A_new_manifest_drops_cancelled_occurrences_but_keeps_what_this_station_claimed_for_crash_recovery()
    {
        Assert.True(_store.TryTransition(1, OccurrenceState.Claimed, Start));
        _store.Beat(1, 1, Start.AddSeconds(2.5), Start.AddSeconds(3));

        _manifests.Replace(Manifest("v2", Occurrence(2, "Cancelled")), Start.AddMinutes(1));

        Assert.Null(_store.FindOccurrence(2));
        Assert.Equal([1], _store.ClaimedEndingAfter(Start).Select(o => o.Id));
        Assert.Equal([0, 1], _store.Rundown(1).Select(r => r.Position));
        Assert.Equal(new AiringProgress(1, Start.AddSeconds(2.5), Start.AddSeconds(3), 0), _store.Progress(1));
        Assert.True(_store.TryBeginResume(1, 0));
        Assert.False(_store.TryBeginResume(1, 0));
    }

    [Fact]
    public void Airtime_is_chained_locally_queued_for_upload_and_written_once_per_item()
    {
        Assert.True(_log.TryAppend(Record(1, 0, AirtimeOutcome.Completed)));
        Assert.True(_log.TryAppend(Record(1, 1, AirtimeOutcome.Interrupted)));
        Assert.False(_log.TryAppend(Record(1, 1, AirtimeOutcome.Completed)));

        Assert.Equal(new HashSet<int> { 0, 1 }, _store.RecordedPositions(1));
        Assert.Equal(["Completed", "Interrupted"], _log.All().Select(r => r.Outcome));
        Assert.Equal(2, new AirtimeOutbox(_db, TimeProvider.System).PendingCount());
        Assert.Null(_log.FirstBrokenLink());
        using (var c = _db.Open())
        using (var tamper = c.CreateCommand())
        {
            tamper.CommandText = "UPDATE airtime_log SET record_json = replace(record_json, 'Interrupted', 'Completed') WHERE position = 1";
            tamper.ExecuteNonQuery();
        }
        Assert.Equal((1L, 1), _log.FirstBrokenLink());
    }

    [Fact]
    public async Task A_file_that_cannot_be_fetched_again_is_recorded_Failed_with_the_reason_and_the_rest_of_the_session_airs()
    {
        var media = Path.Combine(_data.Path, "media");
        var cached = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([1, 2, 3]));
        _manifests.Replace(Manifest("v3", Occurrence(1, "Planned", cached)), Start.AddHours(-1));
        using var cache = new MediaCache(new HttpClient(), new MediaCacheSettings { MediaRoot = media }, TimeProvider.System, NullLogger<MediaCache>.Instance);
        Directory.CreateDirectory(Path.Combine(media, cached[..2]));
        await File.WriteAllBytesAsync(Path.Combine(media, cached[..2], cached + ".audio"), [1, 2, 3]);
        var recorder = Recorder();
        var rundowns = new RundownItems(_store, new CachedPlayoutMedia(cache, NullLogger<CachedPlayoutMedia>.Instance), recorder);
        var occ = _store.FindOccurrence(1)!;

        var playable = await rundowns.PlayableAsync(occ, rundowns.Planned(occ), CancellationToken.None);

        Assert.Equal([0], playable.Select(p => p.Position));
        var failed = Assert.Single(_log.All());
        Assert.Equal((1, "Failed"), (failed.Position, failed.Outcome));
        Assert.Contains("could not be fetched again", failed.Error, StringComparison.Ordinal);
        Assert.Contains("not enrolled", failed.Error, StringComparison.Ordinal);
    }

    private AirtimeRecorder Recorder()
    {
        var writer = new AirtimeWriter(_log, new NoAirtimeCheckpoint(), Options.Create(new AirtimeOptions()),
            Options.Create(new PlayoutOptions { DataPath = _data.Path }), TimeProvider.System, NullLogger<AirtimeWriter>.Instance);
        return new AirtimeRecorder(writer, TimeProvider.System);
    }

    private static AirtimeRecord Record(long occurrenceId, int position, AirtimeOutcome outcome) => new()
    {
        OccurrenceId = occurrenceId, Position = position, BulletinId = 11 + position, ScheduledStart = Start, ActualStart = Start,
        ActualEnd = Start.AddSeconds(1), PlayedSeconds = 1, Outcome = outcome, RecordedAt = Start.AddSeconds(1),
    };

    private static HubManifest Manifest(string version, params HubOccurrence[] occurrences) =>
        new(3, StationClock.DefaultTimeZoneId, version, Start, Start.AddDays(-1), Start.AddDays(2), 3, 120,
            [new HubZone(7, 70, "Xã thử", new HubPolicy("00:00", "00:00", [1, 2, 3, 4, 5, 6, 7], 120, 4))], occurrences);

    private static HubOccurrence Occurrence(long id, string state, string? firstSha256 = null) =>
        new(id, 7, 70, 5, "2026-12-07", Start.AddMinutes(id), Start.AddMinutes(id + 10), state,
        [
            new HubItem(0, 11, "Tin 1", firstSha256 ?? Cached, 3, 2.5, -16, -1, 0, Start.AddMinutes(id), null, 1, null, 55125, 22050, 1),
            new HubItem(1, 12, "Tin 2", Absent, 3, 1.0, -16, -1, 2.5, Start.AddMinutes(id).AddSeconds(2.5), null, 1, null, 22050, 22050, 1),
        ]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
