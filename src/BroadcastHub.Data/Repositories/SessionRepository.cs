using BroadcastHub.Core.Scheduling;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>Commune broadcast sessions (khung giờ phát).</summary>
public sealed class SessionRepository(AppDatabase db, TimeProvider time)
{
    private sealed class Row
    {
        public long Id { get; set; }
        public long CommuneId { get; set; }
        public int WeekdaysMask { get; set; }
        public string StartLocal { get; set; } = "";
        public int LengthMinutes { get; set; }
        public string? ValidOn { get; set; }
        public SessionSlot ToSlot() => new(Id, CommuneId, new IsoWeekdays(WeekdaysMask), SqlValues.ParseTime(StartLocal), LengthMinutes)
        {
            OnlyOn = SqlValues.ParseDateOrNull(ValidOn),
        };
    }

    private const string Select = "SELECT id, commune_id, weekdays_mask, start_local, length_minutes, valid_on FROM sessions";

    /// <summary>Stores a new session.</summary>
    public SessionSlot Create(long communeId, IsoWeekdays weekdays, TimeOnly start, int lengthMinutes)
    {
        using var c = db.Open();
        var id = c.ExecuteScalar<long>(
            """
            INSERT INTO sessions (commune_id, weekdays_mask, start_local, length_minutes, created_at)
            VALUES (@communeId, @mask, @start, @lengthMinutes, @now) RETURNING id
            """,
            new { communeId, mask = weekdays.Mask, start = SqlValues.Time(start), lengthMinutes, now = SqlValues.Instant(time.GetUtcNow()) });
        return new SessionSlot(id, communeId, weekdays, start, lengthMinutes);
    }

    /// <summary>Stores a new one-off session: it takes place on <paramref name="date"/> only.</summary>
    public SessionSlot CreateOneOff(long communeId, DateOnly date, TimeOnly start, int lengthMinutes)
    {
        var slot = SessionSlot.OneOff(0, communeId, date, start, lengthMinutes);
        using var c = db.Open();
        var id = c.ExecuteScalar<long>(
            """
            INSERT INTO sessions (commune_id, weekdays_mask, start_local, length_minutes, valid_on, created_at)
            VALUES (@communeId, @mask, @start, @lengthMinutes, @date, @now) RETURNING id
            """,
            new
            {
                communeId, mask = slot.Weekdays.Mask, start = SqlValues.Time(start), lengthMinutes, date = SqlValues.Date(date),
                now = SqlValues.Instant(time.GetUtcNow()),
            });
        return slot with { Id = id };
    }

    /// <summary>One session, or null (cached until the database changes: every rundown request reads it).</summary>
    public SessionSlot? Find(long id) => db.Cache.Get($"session|{id}", () =>
    {
        using var c = db.Open();
        return new Found(c.QuerySingleOrDefault<Row>(Select + " WHERE id = @id", new { id })?.ToSlot());
    }).Slot;

    private sealed record Found(SessionSlot? Slot);

    /// <summary>Sessions of one commune, or of all communes when <paramref name="communeId"/> is null.</summary>
    public IReadOnlyList<SessionSlot> List(long? communeId = null) =>
        db.Cache.Get($"sessions|{communeId}", () => ListNow(communeId));

    private IReadOnlyList<SessionSlot> ListNow(long? communeId = null)
    {
        using var c = db.Open();
        return c.Query<Row>(Select + " WHERE @communeId IS NULL OR commune_id = @communeId ORDER BY commune_id, start_local",
            new { communeId }).Select(r => r.ToSlot()).ToList();
    }
}
