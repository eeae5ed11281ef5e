using System.Data.Common;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using Dapper;

namespace BroadcastHub.Data.Tests;

public abstract class RepositoryTests : IDisposable
{
    private readonly TempDatabase _db;

    protected RepositoryTests(DatabaseProvider provider) => _db = new TempDatabase(provider);

    public void Dispose() => _db.Dispose();

    [DbFact]
    public void Migrations_apply_once_and_the_database_runs_in_wal_mode_with_foreign_keys()
    {
        Assert.Empty(Migrator.Migrate(_db.Database));
        using var c = _db.Database.Open();
        if (_db.Provider == DatabaseProvider.Sqlite)
        {
            Assert.Equal("wal", c.ExecuteScalar<string>("PRAGMA journal_mode"));
            Assert.Equal(1, c.ExecuteScalar<int>("PRAGMA foreign_keys"));
        }
        Assert.ThrowsAny<DbException>(() => c.Execute("INSERT INTO sessions (commune_id, weekdays_mask, start_local, length_minutes, created_at) VALUES (999, 1, '05:30:00', 30, 'x')"));
    }

    [DbFact]
    public void An_occurrence_item_can_be_recorded_only_once_and_records_cannot_be_changed()
    {
        var (occurrenceId, bulletinId) = SeedOccurrence();
        var airtime = new AirtimeRepository(_db.Database);
        var record = new AirtimeRecord
        {
            OccurrenceId = occurrenceId, Position = 0, BulletinId = bulletinId, ScheduledStart = _db.Time.GetUtcNow(),
            ActualStart = _db.Time.GetUtcNow(), ActualEnd = _db.Time.GetUtcNow().AddSeconds(11), PlayedSeconds = 11,
            Outcome = AirtimeOutcome.Completed, RecordedAt = _db.Time.GetUtcNow(),
        };
        Assert.True(airtime.TryAppend(record));
        Assert.False(airtime.TryAppend(record with { Outcome = AirtimeOutcome.Failed }));
        var stored = Assert.Single(airtime.Query(_db.Time.GetUtcNow().AddHours(-1), _db.Time.GetUtcNow().AddHours(1)));
        Assert.Equal(AirtimeOutcome.Completed, stored.Outcome);
        Assert.Equal(11, stored.PlayedSeconds);

        using var c = _db.Database.Open();
        Assert.ThrowsAny<DbException>(() => c.Execute("UPDATE airtime SET outcome = 'Missed'"));
        Assert.ThrowsAny<DbException>(() => c.Execute("DELETE FROM airtime"));
    }

    [DbFact]
    public void Only_one_caller_can_claim_an_occurrence()
    {
        var (occurrenceId, _) = SeedOccurrence();
        var occurrences = new OccurrenceRepository(_db.Database);
        Assert.True(occurrences.TryTransition(occurrenceId, OccurrenceState.Claimed, _db.Time.GetUtcNow()));
        Assert.False(occurrences.TryTransition(occurrenceId, OccurrenceState.Claimed, _db.Time.GetUtcNow()));
        Assert.False(occurrences.TryTransition(occurrenceId, OccurrenceState.Missed, _db.Time.GetUtcNow()));
        Assert.Equal(OccurrenceState.Claimed, occurrences.Find(occurrenceId)!.State);
    }

    [DbFact]
    public void Replanning_replaces_the_rundown_of_a_planned_occurrence_but_never_of_a_claimed_one()
    {
        var (occurrenceId, bulletinId) = SeedOccurrence();
        var occurrences = new OccurrenceRepository(_db.Database);
        var occ = occurrences.Find(occurrenceId)!;
        var bookingId = occurrences.Rundown(occurrenceId)[0].BookingId!.Value;
        var slot = new PlannedSlot(bulletinId, bookingId, 0, 1, null);
        var twice = new PlannedOccurrence(occ.SessionId!.Value, occ.LocalDate, occ.StartUtc, occ.EndUtc, [slot, slot with { OffsetSeconds = 1 }]);

        Assert.Equal(occurrenceId, occurrences.Upsert(twice));
        Assert.Equal(2, occurrences.Rundown(occurrenceId).Count);

        occurrences.TryTransition(occurrenceId, OccurrenceState.Claimed, _db.Time.GetUtcNow());
        occurrences.Upsert(twice with { Items = [slot] });
        Assert.Equal(2, occurrences.Rundown(occurrenceId).Count);
    }

    [DbFact]
    public void Instants_round_trip_exactly_in_utc()
    {
        var instant = new DateTimeOffset(2026, 11, 27, 5, 30, 15, 123, TimeSpan.FromHours(7)).AddTicks(4567);
        Assert.Equal(instant, SqlValues.ParseInstant(SqlValues.Instant(instant)));
        Assert.EndsWith("Z", SqlValues.Instant(instant));
    }

    private (long OccurrenceId, long BulletinId) SeedOccurrence()
    {
        var places = new PlacesRepository(_db.Database, _db.Time);
        var commune = places.CreateCommune("Xã Lũng Cú", null);
        var session = new SessionRepository(_db.Database, _db.Time).Create(commune.Id, IsoWeekdays.Every, new TimeOnly(5, 30), 30);
        var bulletin = new BulletinRepository(_db.Database).Insert(new Bulletin
        {
            Title = "Tin", OriginalFileName = "a.mp3", Sha256 = new string('a', 64), Codec = "mp3", Frames = 22050, SampleRate = 22050,
            Channels = 1, Status = BulletinStatus.Approved, UploadedAt = _db.Time.GetUtcNow(),
        });
        var date = new DateOnly(2026, 11, 28);
        var booking = new BookingRepository(_db.Database, _db.Time).Create(session.Id, [bulletin.Id], date, date, "admin");
        var start = _db.Time.GetUtcNow();
        var id = new OccurrenceRepository(_db.Database).Upsert(new PlannedOccurrence(session.Id, date, start, start.AddMinutes(30),
            [new PlannedSlot(bulletin.Id, booking.Id, 0, 1, null)]));
        return (id, bulletin.Id);
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : RepositoryTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : RepositoryTests(DatabaseProvider.Postgres);
}
