using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using Dapper;

namespace BroadcastHub.Data.Tests;

public abstract class RelaySourceRepositoryTests : IDisposable
{
    private readonly TempDatabase _db;

    protected RelaySourceRepositoryTests(DatabaseProvider provider) => _db = new TempDatabase(provider);

    public void Dispose() => _db.Dispose();

    private RelaySourceRepository Sources => new(_db.Database, _db.Time);

    [DbFact]
    public void Sources_are_added_listed_updated_and_soft_deleted_with_unique_live_names()
    {
        var vov = Sources.Add("VOV1", "http://vov.example/vov1.mp3")!;
        Assert.Equal(("VOV1", "http://vov.example/vov1.mp3"), (vov.Name, vov.Url));
        Assert.Equal(_db.Time.GetUtcNow(), vov.CreatedUtc);
        Assert.Null(Sources.Add("VOV1", "http://other.example/"));
        var tinh = Sources.Add("Đài tỉnh", "https://tinh.example/live.m3u8")!;
        Assert.Equal(["VOV1", "Đài tỉnh"], Sources.List().Select(s => s.Name));

        _db.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(RelaySourceChange.NameTaken, Sources.Update(tinh.Id, "VOV1", tinh.Url));
        Assert.Equal(RelaySourceChange.Done, Sources.Update(tinh.Id, "Đài tỉnh", "https://tinh.example/v2.m3u8"));
        Assert.Equal(RelaySourceChange.NotFound, Sources.Update(9999, "X", "http://x.example/"));
        var updated = Sources.Find(tinh.Id)!;
        Assert.Equal(("https://tinh.example/v2.m3u8", _db.Time.GetUtcNow()), (updated.Url, updated.UpdatedUtc));

        Assert.True(Sources.Delete(vov.Id));
        Assert.False(Sources.Delete(vov.Id));
        Assert.Null(Sources.Find(vov.Id));
        Assert.Equal(["Đài tỉnh"], Sources.List().Select(s => s.Name));
        Assert.Equal("VOV1", Sources.FindMany([vov.Id, tinh.Id])[vov.Id].Name);
        Assert.NotNull(Sources.Add("VOV1", "http://vov.example/new.mp3"));
    }

    [DbFact]
    public void A_relay_item_is_stored_with_a_null_bulletin_and_read_back_as_a_relay()
    {
        var commune = new PlacesRepository(_db.Database, _db.Time).CreateCommune("Xã Đồng Văn", null);
        var session = new SessionRepository(_db.Database, _db.Time).CreateOneOff(commune.Id, new DateOnly(2026, 12, 2), new TimeOnly(6, 0), 30);
        var bulletin = new BulletinRepository(_db.Database).Insert(new Bulletin
        {
            Title = "Tin", OriginalFileName = "a.mp3", Sha256 = new string('b', 64), Codec = "mp3", Frames = 22050, SampleRate = 22050,
            Channels = 1, Status = BulletinStatus.Approved, UploadedAt = _db.Time.GetUtcNow(),
        }).Id;
        var source = Sources.Add("VOV1", "http://vov.example/vov1.mp3")!;
        var occurrences = new OccurrenceRepository(_db.Database);
        var start = _db.Time.GetUtcNow();
        var plan = new PlannedOccurrence(session.Id, new DateOnly(2026, 12, 2), start, start.AddMinutes(30),
        [
            new PlannedSlot(bulletin, null, 0, 1, null),
            new PlannedSlot(0, null, 1, 600, null) { Relay = new RelayRundown(source.Id, 600) },
            new PlannedSlot(0, null, 601, 1199, null) { Relay = new RelayRundown(source.Id, null) },
        ]);
        var id = occurrences.Upsert(plan);
        Assert.Equal(id, occurrences.Upsert(plan));
        var rundown = occurrences.Rundown(id);
        Assert.Equal([(bulletin, false, (RelayRundown?)null), (0L, true, new RelayRundown(source.Id, 600)), (0L, true, new RelayRundown(source.Id, null))],
            rundown.Select(r => (r.BulletinId, r.IsRelay, r.Relay)));
        Assert.Equal(rundown, occurrences.Rundowns([id])[id]);
        using var c = _db.Database.Open();
        Assert.Equal(2, c.ExecuteScalar<long>("SELECT count(*) FROM rundown_items WHERE bulletin_id IS NULL"));
        Assert.ThrowsAny<Exception>(() => c.Execute("INSERT INTO rundown_items (occurrence_id, position, bulletin_id, relay_source_id) VALUES (@id, 9, @bulletin, @source)",
            new { id, bulletin, source = source.Id }));
        Assert.ThrowsAny<Exception>(() => c.Execute("INSERT INTO rundown_items (occurrence_id, position) VALUES (@id, 9)", new { id }));
    }

    [DbFact]
    public void A_relay_booking_keeps_its_source_and_length_and_has_no_bulletins()
    {
        var commune = new PlacesRepository(_db.Database, _db.Time).CreateCommune("Xã Lũng Cú", null);
        var session = new SessionRepository(_db.Database, _db.Time).CreateOneOff(commune.Id, new DateOnly(2026, 12, 3), new TimeOnly(6, 0), 30);
        var source = Sources.Add("VOV2", "http://vov.example/vov2.aac")!;
        var bookings = new BookingRepository(_db.Database, _db.Time);
        var day = new DateOnly(2026, 12, 3);
        var minutes = bookings.Create(new Booking(0, session.Id, [], day, day) { Relay = new RelayRundown(source.Id, 900) }, "admin");
        var untilEnd = bookings.Create(new Booking(0, session.Id, [], day, day) { Relay = new RelayRundown(source.Id, null) }, "admin");
        Assert.Equal(new RelayRundown(source.Id, 900), bookings.Find(minutes.Id)!.Relay);
        Assert.Equal(new RelayRundown(source.Id, null), bookings.Find(untilEnd.Id)!.Relay);
        Assert.Empty(bookings.Find(minutes.Id)!.BulletinIds);
        Assert.Equal([new RelayRundown(source.Id, 900), new RelayRundown(source.Id, null)], bookings.ListForSession(session.Id, day, day).Select(b => b.Relay));
        bookings.Update(bookings.Find(minutes.Id)! with { Relay = new RelayRundown(source.Id, 600) }, []);
        Assert.Equal(600, bookings.Find(minutes.Id)!.Relay!.Seconds);
    }

    [DbFact]
    public void A_source_is_in_use_while_a_booking_names_it_from_today_on_or_an_occurrence_relaying_it_has_not_ended()
    {
        var commune = new PlacesRepository(_db.Database, _db.Time).CreateCommune("Xã Mèo Vạc", null);
        var today = new DateOnly(2026, 12, 4);
        var session = new SessionRepository(_db.Database, _db.Time).CreateOneOff(commune.Id, today.AddDays(1), new TimeOnly(6, 0), 30);
        var source = Sources.Add("VOV3", "http://vov.example/vov3.mp3")!;
        var now = _db.Time.GetUtcNow();
        Assert.Equal((0, 0), Sources.Uses(source.Id, today, now));

        var bookings = new BookingRepository(_db.Database, _db.Time);
        var ended = bookings.Create(new Booking(0, session.Id, [], today.AddDays(-3), today.AddDays(-1)) { Relay = new RelayRundown(source.Id, 600) }, "admin");
        var coming = bookings.Create(new Booking(0, session.Id, [], today, today.AddDays(2)) { Relay = new RelayRundown(source.Id, 600) }, "admin");
        Assert.NotEqual(ended.Id, coming.Id);
        var occurrences = new OccurrenceRepository(_db.Database);
        occurrences.Upsert(new PlannedOccurrence(session.Id, today.AddDays(1), now.AddHours(1), now.AddHours(2),
            [new PlannedSlot(0, coming.Id, 0, 600, null) { Relay = new RelayRundown(source.Id, 600) }]));
        Assert.Equal((1, 1), Sources.Uses(source.Id, today, now));
        Assert.Equal((1, 0), Sources.Uses(source.Id, today, now.AddHours(3)));

        Assert.True(bookings.CancelFrom(coming.Id, today));
        Assert.Equal((0, 0), Sources.Uses(source.Id, today, now.AddHours(3)));
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : RelaySourceRepositoryTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : RelaySourceRepositoryTests(DatabaseProvider.Postgres);
}
