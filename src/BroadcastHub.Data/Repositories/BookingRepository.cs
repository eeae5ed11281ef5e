using BroadcastHub.Core.Scheduling;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>Bookings of bulletins into sessions.</summary>
public sealed class BookingRepository(AppDatabase db, TimeProvider time)
{
    private sealed record Row(long Id, long SessionId, string FromDate, string ToDate);

    /// <summary>Stores a booking with its ordered bulletins.</summary>
    public Booking Create(long sessionId, IReadOnlyList<long> bulletinIds, DateOnly from, DateOnly to, string createdBy) =>
        db.InTransaction((c, t) =>
        {
            var id = c.ExecuteScalar<long>(
                """
                INSERT INTO bookings (session_id, from_date, to_date, created_at, created_by)
                VALUES (@sessionId, @from, @to, @now, @createdBy) RETURNING id
                """,
                new { sessionId, from = SqlValues.Date(from), to = SqlValues.Date(to), now = SqlValues.Instant(time.GetUtcNow()), createdBy }, t);
            c.Execute("INSERT INTO booking_items (booking_id, position, bulletin_id) VALUES (@id, @position, @bulletinId)",
                bulletinIds.Select((bulletinId, position) => new { id, position, bulletinId }), t);
            return new Booking(id, sessionId, bulletinIds, from, to);
        });

    /// <summary>Bookings of a session that overlap the local date range.</summary>
    public IReadOnlyList<Booking> ListForSession(long sessionId, DateOnly from, DateOnly to)
    {
        using var c = db.Open();
        var rows = c.Query<Row>(
            """
            SELECT id, session_id AS SessionId, from_date AS FromDate, to_date AS ToDate FROM bookings
            WHERE session_id = @sessionId AND from_date <= @to AND to_date >= @from ORDER BY id
            """,
            new { sessionId, from = SqlValues.Date(from), to = SqlValues.Date(to) }).ToList();
        var items = c.Query<(long BookingId, long BulletinId)>(
            "SELECT booking_id, bulletin_id FROM booking_items WHERE booking_id IN @ids ORDER BY booking_id, position",
            new { ids = rows.Select(r => r.Id).ToArray() }).ToLookup(i => i.BookingId, i => i.BulletinId);
        return rows.Select(r => new Booking(r.Id, r.SessionId, items[r.Id].ToList(),
            SqlValues.ParseDate(r.FromDate), SqlValues.ParseDate(r.ToDate))).ToList();
    }

    /// <summary>Ids of sessions that have a booking overlapping the local date range.</summary>
    public IReadOnlyList<long> SessionsWithBookings(DateOnly from, DateOnly to)
    {
        using var c = db.Open();
        return c.Query<long>("SELECT DISTINCT session_id FROM bookings WHERE from_date <= @to AND to_date >= @from",
            new { from = SqlValues.Date(from), to = SqlValues.Date(to) }).ToList();
    }
}
