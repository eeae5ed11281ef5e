using BroadcastHub.Core.Library;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Data.Tests;

/// <summary>A bulletin's owner unit (migration 0015) round-trips, and the library list filters by owners.</summary>
public abstract class BulletinOwnerTests : IDisposable
{
    private readonly TempDatabase _db;

    protected BulletinOwnerTests(DatabaseProvider provider) => _db = new TempDatabase(provider);

    public void Dispose() => _db.Dispose();

    [DbFact]
    public void The_owner_unit_is_stored_and_a_list_by_owners_keeps_organisation_wide_bulletins()
    {
        var places = new PlacesRepository(_db.Database, _db.Time);
        var mine = places.CreateUnit("Trung tâm", null).Id;
        var theirs = places.CreateUnit("Trung tâm khác", null).Id;
        var repository = new BulletinRepository(_db.Database);
        var own = repository.Insert(Row("của tôi", mine));
        var shared = repository.Insert(Row("chung", null));
        var other = repository.Insert(Row("của đơn vị khác", theirs));

        Assert.Equal(mine, repository.Find(own.Id)!.OwnerUnitId);
        Assert.Null(repository.Find(shared.Id)!.OwnerUnitId);
        Assert.Equal([shared.Id, own.Id], repository.List(ownerUnits: [mine]).Select(b => b.Id));
        Assert.Equal([shared.Id], repository.List(ownerUnits: []).Select(b => b.Id));
        Assert.Equal([other.Id, shared.Id, own.Id], repository.List().Select(b => b.Id));
    }

    private Bulletin Row(string title, long? owner) => new()
    {
        Title = title, OriginalFileName = "a.mp3", Sha256 = new string('a', 64), Codec = "mp3", Frames = 22050, SampleRate = 22050,
        Channels = 1, Status = BulletinStatus.Approved, UploadedAt = _db.Time.GetUtcNow(), OwnerUnitId = owner,
    };

    /// <summary>On SQLite.</summary>
    public sealed class OnSqlite() : BulletinOwnerTests(DatabaseProvider.Sqlite);

    /// <summary>On PostgreSQL.</summary>
    public sealed class OnPostgres() : BulletinOwnerTests(DatabaseProvider.Postgres);
}
