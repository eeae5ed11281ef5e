using BroadcastHub.Core.Scheduling;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>Bookings of bulletins (or of a relay) into sessions.</summary>
public sealed class BookingRepository(AppDatabase db, TimeProvider time)
{
    private sealed record Row(long Id, long SessionId, string FromDate, string ToDate, string Mode, long WeekdaysMask, string Priority,
        long RepeatCount, long RepeatIntervalSeconds, string? CancelledFrom, long? RelaySourceId, double? RelaySeconds)
    {
        public Booking ToBooking(IReadOnlyList<long> bulletinIds) =>
            new(Id, SessionId, bulletinIds, SqlValues.ParseDate(FromDate), SqlValues.ParseDate(ToDate))
            {
                Mode = Enum.Parse<BookingMode>(Mode, ignoreCase: true), Weekdays = new IsoWeekdays((int)WeekdaysMask),
                Priority = Enum.Parse<BookingPriority>(Priority, ignoreCase: true), Repeat = (int)RepeatCount,
                RepeatIntervalSeconds = (int)RepeatIntervalSeconds, CancelledFrom = SqlValues.ParseDateOrNull(CancelledFrom),
                Relay = RelaySourceId is { } source ? new RelayRundown(source, RelaySeconds) : null,
            };
    }

    private const string Select =
        """
        SELECT id, session_id AS SessionId, from_date AS FromDate, to_date AS ToDate, mode, weekdays_mask AS WeekdaysMask,
               priority, repeat_count AS RepeatCount, repeat_interval_seconds AS RepeatIntervalSeconds, cancelled_from AS CancelledFrom,
               relay_source_id AS RelaySourceId, relay_seconds AS RelaySeconds
        FROM bookings
        """;

    /// <summary>Stores a booking daily over the range (the simple form).</summary>
    public Booking Create(long sessionId, IReadOnlyList<long> bulletinIds, DateOnly from, DateOnly to, string createdBy) =>
        Create(new Booking(0, sessionId, bulletinIds, from, to), createdBy);

    /// <summary>Stores a booking with its ordered bulletins and returns it with its id.</summary>
    public Booking Create(Booking b, string createdBy) => db.InTransaction((c, t) => Insert(c, t, b, createdBy));

    /// <summary>Stores a booking and, in the same transaction, ends each booking of <paramref name="ending"/> from its date on
    /// (an overflow "replace", or the booking an edit splits).</summary>
    public Booking Create(Booking b, string createdBy, IReadOnlyList<Displacement> ending) =>
        db.InTransaction((c, t) =>
        {
            EndFrom(c, t, ending);
            return Insert(c, t, b, createdBy);
        });

    /// <summary>Changes a booking in place (dates, mode, priority, repeat, bulletins; a cancellation from a date is lifted), its id
    /// and place in the booking order kept, and ends each booking of <paramref name="ending"/> from its date on, in one transaction.</summary>
    public Booking Update(Booking b, IReadOnlyList<Displacement> ending) =>
        db.InTransaction((c, t) =>
        {
            EndFrom(c, t, ending);
            c.Execute(
                """
                UPDATE bookings SET from_date = @from, to_date = @to, mode = @mode, weekdays_mask = @mask, priority = @priority,
                    repeat_count = @Repeat, repeat_interval_seconds = @RepeatIntervalSeconds, cancelled_from = NULL,
                    relay_source_id = @relaySource, relay_seconds = @relaySeconds WHERE id = @Id
                """,
                new
                {
                    b.Id, from = SqlValues.Date(b.From), to = SqlValues.Date(b.To), mode = b.Mode.ToString(), mask = b.Weekdays.Mask,
                    priority = b.Priority.ToString(), b.Repeat, b.RepeatIntervalSeconds, relaySource = b.Relay?.SourceId, relaySeconds = b.Relay?.Seconds,
                }, t);
            c.Execute("DELETE FROM booking_items WHERE booking_id = @Id", new { b.Id }, t);
            c.Execute("INSERT INTO booking_items (booking_id, position, bulletin_id) VALUES (@id, @position, @bulletinId)",
                b.BulletinIds.Select((bulletinId, position) => new { id = b.Id, position, bulletinId }), t);
            return b;
        });

    private static void EndFrom(System.Data.IDbConnection c, System.Data.IDbTransaction t, IReadOnlyList<Displacement> ending) =>
        c.Execute("UPDATE bookings SET cancelled_from = @from WHERE id = @id AND (cancelled_from IS NULL OR cancelled_from > @from)",
            ending.Select(e => new { id = e.BookingId, from = SqlValues.Date(e.From) }), t);

    private Booking Insert(System.Data.IDbConnection c, System.Data.IDbTransaction t, Booking b, string createdBy)
    {
        var id = c.ExecuteScalar<long>(
            """
            INSERT INTO bookings (session_id, from_date, to_date, mode, weekdays_mask, priority, repeat_count,
                repeat_interval_seconds, created_at, created_by, relay_source_id, relay_seconds)
            VALUES (@SessionId, @from, @to, @mode, @mask, @priority, @Repeat, @RepeatIntervalSeconds, @now, @createdBy, @relaySource, @relaySeconds) RETURNING id
            """,
            new
            {
                b.SessionId, from = SqlValues.Date(b.From), to = SqlValues.Date(b.To), mode = b.Mode.ToString(), mask = b.Weekdays.Mask,
                priority = b.Priority.ToString(), b.Repeat, b.RepeatIntervalSeconds, now = SqlValues.Instant(time.GetUtcNow()), createdBy,
                relaySource = b.Relay?.SourceId, relaySeconds = b.Relay?.Seconds,
            }, t);
        c.Execute("INSERT INTO booking_items (booking_id, position, bulletin_id) VALUES (@id, @position, @bulletinId)",
            b.BulletinIds.Select((bulletinId, position) => new { id, position, bulletinId }), t);
        return b with { Id = id };
    }

    /// <summary>One booking, or null.</summary>
    public Booking? Find(long id)
    {
        using var c = db.Open();
        var row = c.QuerySingleOrDefault<Row>(Select + " WHERE id = @id", new { id });
        return row?.ToBooking(c.Query<long>("SELECT bulletin_id FROM booking_items WHERE booking_id = @id ORDER BY position", new { id }).ToList());
    }

    /// <summary>Cancels a booking from a local date on; dates before it stay as they were (and aired).</summary>
    public bool CancelFrom(long id, DateOnly from)
    {
        using var c = db.Open();
        return c.Execute("UPDATE bookings SET cancelled_from = @from WHERE id = @id AND (cancelled_from IS NULL OR cancelled_from > @from)",
            new { id, from = SqlValues.Date(from) }) == 1;
    }

    /// <summary>Bookings of a session that overlap the local date range.</summary>
    public IReadOnlyList<Booking> ListForSession(long sessionId, DateOnly from, DateOnly to) => ListOverlapping(from, to, sessionId);

    /// <summary>Bookings (of one session, or of all) that overlap the local date range, in booking order.</summary>
    public IReadOnlyList<Booking> ListOverlapping(DateOnly from, DateOnly to, long? sessionId = null)
    {
        using var c = db.Open();
        var rows = c.Query<Row>(Select + " WHERE (@sessionId IS NULL OR session_id = @sessionId) AND from_date <= @to AND to_date >= @from ORDER BY id",
            new { sessionId, from = SqlValues.Date(from), to = SqlValues.Date(to) }).ToList();
        var items = c.Query<(long BookingId, long BulletinId)>(
            """
            SELECT i.booking_id, i.bulletin_id FROM booking_items i JOIN bookings b ON b.id = i.booking_id
            WHERE (@sessionId IS NULL OR b.session_id = @sessionId) AND b.from_date <= @to AND b.to_date >= @from
            ORDER BY i.booking_id, i.position
            """,
            new { sessionId, from = SqlValues.Date(from), to = SqlValues.Date(to) }).ToLookup(i => i.BookingId, i => i.BulletinId);
        return rows.Select(r => r.ToBooking(items[r.Id].ToList())).ToList();
    }

    /// <summary>Ids of sessions that have a booking overlapping the local date range.</summary>
    public IReadOnlyList<long> SessionsWithBookings(DateOnly from, DateOnly to)
    {
        using var c = db.Open();
        return c.Query<long>("SELECT DISTINCT session_id FROM bookings WHERE from_date <= @to AND to_date >= @from",
            new { from = SqlValues.Date(from), to = SqlValues.Date(to) }).ToList();
    }
}
