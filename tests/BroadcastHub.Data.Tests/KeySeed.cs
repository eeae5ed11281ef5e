using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Data.Tests;

/// <summary>
/// A commune with a daily session, a bulletin booked into it and one planned occurrence with a one-item rundown, plus a
/// bulletin nothing refers to: the parents and children of the keys that <see cref="ForeignKeyTests"/> exercises.
/// </summary>
internal sealed record KeySeed(long SessionId, long ZoneId, long BookingId, long BulletinId, long OccurrenceId, long UnusedBulletinId)
{
    public static KeySeed Create(TempDatabase db)
    {
        var commune = new PlacesRepository(db.Database, db.Time).CreateCommune("Xã Khóa", null);
        var session = new SessionRepository(db.Database, db.Time).Create(commune.Id, IsoWeekdays.Every, new TimeOnly(5, 30), 30);
        var bulletins = new BulletinRepository(db.Database);
        var bulletin = bulletins.Insert(Bulletin(db, 'a'));
        var unused = bulletins.Insert(Bulletin(db, 'c'));
        var date = new DateOnly(2026, 12, 1);
        var booking = new BookingRepository(db.Database, db.Time).Create(session.Id, [bulletin.Id], date, date, "t");
        var start = new DateTimeOffset(date, new TimeOnly(5, 30), TimeSpan.FromHours(7));
        var occurrence = new OccurrencePlanWriter(db.Database).UpsertMany(
            [new PlannedOccurrence(session.Id, date, start, start.AddMinutes(30), [new PlannedSlot(bulletin.Id, booking.Id, 0, 1, null)])])[0];
        return new KeySeed(session.Id, commune.ZoneId, booking.Id, bulletin.Id, occurrence, unused.Id);
    }

    private static Bulletin Bulletin(TempDatabase db, char hash) => new()
    {
        Title = "Tin " + hash, OriginalFileName = "a.mp3", Sha256 = new string(hash, 64), Codec = "mp3", Frames = 22050, SampleRate = 22050,
        Channels = 1, Status = BulletinStatus.Approved, UploadedAt = db.Time.GetUtcNow(),
    };
}
