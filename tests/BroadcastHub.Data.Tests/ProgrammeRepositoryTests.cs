using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Data.Tests;

public abstract class ProgrammeRepositoryTests : IDisposable
{
    private readonly TempDatabase _db;

    protected ProgrammeRepositoryTests(DatabaseProvider provider) => _db = new TempDatabase(provider);

    public void Dispose() => _db.Dispose();

    private long Bulletin(string title) => new BulletinRepository(_db.Database).Insert(new Bulletin
    {
        Title = title, OriginalFileName = "a.mp3", Sha256 = new string('b', 64), Codec = "mp3", Frames = 22050, SampleRate = 22050,
        Channels = 1, Status = BulletinStatus.Approved, UploadedAt = _db.Time.GetUtcNow(),
    }).Id;

    [DbFact]
    public void A_communes_programme_is_stored_and_listed_with_its_evergreen_playlist_in_order()
    {
        var commune = new PlacesRepository(_db.Database, _db.Time).CreateCommune("Xã Đồng Văn", null);
        var (a, b, jingle) = (Bulletin("A"), Bulletin("B"), Bulletin("Nhạc hiệu"));
        var playlist = new PlaylistRepository(_db.Database, _db.Time).Insert("Dự phòng", [b, a, b], "admin");
        var repository = new CommuneProgrammeRepository(_db.Database, _db.Time);
        Assert.Equal(CommuneProgrammeSettings.Default(commune.Id), repository.Find(commune.Id));
        Assert.Empty(repository.ListProgrammes());

        repository.Save(new CommuneProgrammeSettings(commune.Id, UnderfillMode.Evergreen, playlist.Id, jingle, null));
        Assert.Equal(new CommuneProgrammeSettings(commune.Id, UnderfillMode.Evergreen, playlist.Id, jingle, null), repository.Find(commune.Id));
        var programme = repository.ListProgrammes()[commune.Id];
        Assert.Equal([b, a, b], programme.EvergreenBulletinIds);
        Assert.Equal((UnderfillMode.Evergreen, (long?)jingle, (long?)null), (programme.Underfill, programme.IntroBulletinId, programme.OutroBulletinId));

        repository.Save(repository.Find(commune.Id) with { Underfill = UnderfillMode.EndEarly });
        Assert.Empty(repository.ListProgrammes()[commune.Id].EvergreenBulletinIds);
    }

    [DbFact]
    public void A_one_off_session_and_the_fill_of_rundown_items_survive_the_round_trip()
    {
        var commune = new PlacesRepository(_db.Database, _db.Time).CreateCommune("Xã Mèo Vạc", null);
        var sessions = new SessionRepository(_db.Database, _db.Time);
        var oneOff = sessions.CreateOneOff(commune.Id, new DateOnly(2026, 12, 2), new TimeOnly(19, 0, 30), 15);
        Assert.Equal(oneOff, sessions.Find(oneOff.Id));
        Assert.Equal(new DateOnly(2026, 12, 2), sessions.Find(oneOff.Id)!.OnlyOn);

        var jingle = Bulletin("Nhạc hiệu");
        var occurrences = new OccurrenceRepository(_db.Database);
        var start = _db.Time.GetUtcNow();
        var id = occurrences.Upsert(new PlannedOccurrence(oneOff.Id, new DateOnly(2026, 12, 2), start, start.AddMinutes(15),
            [new PlannedSlot(jingle, null, 0, 1, null) { Fill = RundownFill.Intro }, new PlannedSlot(jingle, null, 1, 1, null) { Fill = RundownFill.Evergreen }]));
        Assert.Equal([(null, RundownFill.Intro), (null, RundownFill.Evergreen)], occurrences.Rundown(id).Select(r => (r.BookingId, r.Fill)));
    }

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : ProgrammeRepositoryTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : ProgrammeRepositoryTests(DatabaseProvider.Postgres);
}
