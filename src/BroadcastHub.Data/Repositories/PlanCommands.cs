using Microsoft.Data.Sqlite;

namespace BroadcastHub.Data.Repositories;

/// <summary>Prepared statements for bulk planning: tens of thousands of rows in one transaction without per-row parsing.</summary>
internal sealed class PlanCommands : IDisposable
{
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _reschedule;
    private readonly SqliteCommand _clearItems;
    private readonly SqliteCommand _insertItem;

    public PlanCommands(SqliteConnection c, SqliteTransaction t)
    {
        _insert = Command(c, t,
            """
            INSERT INTO occurrences (session_id, zone_id, kind, local_date, start_utc, end_utc, state)
            SELECT $session, z.id, 'session', $date, $start, $end, 'Planned'
            FROM sessions s JOIN zones z ON z.commune_id = s.commune_id WHERE s.id = $session RETURNING id
            """, "$session", "$date", "$start", "$end");
        _reschedule = Command(c, t, "UPDATE occurrences SET start_utc = $start, end_utc = $end WHERE id = $id", "$id", "$start", "$end");
        _clearItems = Command(c, t, "DELETE FROM rundown_items WHERE occurrence_id = $id", "$id");
        _insertItem = Command(c, t,
            "INSERT INTO rundown_items (occurrence_id, position, bulletin_id, booking_id, not_before_seconds) VALUES ($id, $position, $bulletin, $booking, $notBefore)",
            "$id", "$position", "$bulletin", "$booking", "$notBefore");
    }

    public long Insert(long sessionId, string date, string start, string end) =>
        (long)Run(_insert, scalar: true, sessionId, date, start, end)!;

    public void Reschedule(long id, string start, string end)
    {
        Run(_reschedule, scalar: false, id, start, end);
        Run(_clearItems, scalar: false, id);
    }

    public void InsertItems(long id, IReadOnlyList<(long BulletinId, long? BookingId, double? NotBefore)> items)
    {
        for (var position = 0; position < items.Count; position++)
            Run(_insertItem, scalar: false, id, position, items[position].BulletinId, items[position].BookingId, items[position].NotBefore);
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction t, string sql, params string[] names)
    {
        var command = c.CreateCommand();
        command.Transaction = t;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static object? Run(SqliteCommand command, bool scalar, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return scalar ? command.ExecuteScalar() : command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _insert.Dispose();
        _reschedule.Dispose();
        _clearItems.Dispose();
        _insertItem.Dispose();
    }
}
