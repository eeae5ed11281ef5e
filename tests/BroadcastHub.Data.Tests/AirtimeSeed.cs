using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Places;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;

namespace BroadcastHub.Data.Tests;

/// <summary>Units, communes, occurrences with rundowns and airtime records, straight through the repositories.</summary>
internal sealed class AirtimeSeed(TempDatabase db)
{
    public PlacesRepository Places { get; } = new(db.Database, db.Time);
    public AirtimeRepository Airtime { get; } = new(db.Database);
    private readonly OccurrenceRepository _occurrences = new(db.Database);
    private long? _bulletinId;

    public long BulletinId => _bulletinId ??= new BulletinRepository(db.Database).Insert(new Bulletin
    {
        Title = "Bản tin sáng", OriginalFileName = "a.mp3", Sha256 = new string('a', 64), Codec = "mp3", Frames = 22050,
        SampleRate = 22050, Channels = 1, Status = BulletinStatus.Approved, UploadedAt = db.Time.GetUtcNow(),
    }).Id;

    public Commune Commune(string name, long? unitId = null) => Places.CreateCommune(name, unitId);

    /// <summary>An occurrence of a new session of the commune starting at <paramref name="start"/>, with <paramref name="items"/> items.</summary>
    public Occurrence Occurrence(long communeId, DateTimeOffset start, int items)
    {
        var session = new SessionRepository(db.Database, db.Time).Create(communeId, IsoWeekdays.Every, new TimeOnly(5, 30), 30);
        var date = DateOnly.FromDateTime(start.UtcDateTime.AddHours(7));
        var booking = new BookingRepository(db.Database, db.Time).Create(session.Id, [BulletinId], date, date, "test");
        var id = _occurrences.Upsert(new PlannedOccurrence(session.Id, date, start, start.AddMinutes(30),
            Enumerable.Range(0, items).Select(i => new PlannedSlot(BulletinId, booking.Id, i * 60, 60, null)).ToList()));
        return _occurrences.Find(id)!;
    }

    public bool Record(Occurrence occ, int position, AirtimeOutcome outcome, double playedSeconds, string? error = null) =>
        Airtime.TryAppend(new AirtimeRecord
        {
            OccurrenceId = occ.Id, Position = position, BulletinId = BulletinId, ScheduledStart = occ.StartUtc.AddMinutes(position),
            ActualStart = playedSeconds > 0 ? occ.StartUtc.AddMinutes(position) : null,
            ActualEnd = playedSeconds > 0 ? occ.StartUtc.AddMinutes(position).AddSeconds(playedSeconds) : null,
            PlayedSeconds = playedSeconds, Outcome = outcome, Error = error, RecordedAt = db.Time.GetUtcNow(),
        });
}
