using Microsoft.Data.Sqlite;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// The plan writer's statements on SQLite, each prepared once per run and executed once per row (parameters created
/// once, values set per row). A row costs SQLite the same in a multi-row <c>INSERT</c>; binding one of 800 named
/// parameters does not (each name is found by a linear scan, so a 100-row statement cost O(n²) per execution).
/// New ids are taken above the highest one, which is safe because each chunk holds the write lock. Inside a transaction
/// the tally triggers of new occurrences and items are paused (migration 0035) and the tally of every occurrence written
/// is set in one statement at <see cref="End"/>.
/// </summary>
internal sealed class SqlitePlanRows : IPlanRows, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly IReadOnlyDictionary<long, long> _zoneBySession;
    private readonly SqliteCommand _insert, _item, _reschedule, _clearItems, _lastId, _pause, _tally, _resume;
    private readonly List<long> _written = [];
    private long _nextId;

    /// <param name="connection">Open connection every chunk runs on.</param>
    /// <param name="zoneBySession">The zone of every session planned (<see cref="PlanCommands.ZonesOf"/>).</param>
    public SqlitePlanRows(SqliteConnection connection, IReadOnlyDictionary<long, long> zoneBySession)
    {
        (_connection, _zoneBySession) = (connection, zoneBySession);
        _insert = Command("INSERT INTO occurrences (id, session_id, zone_id, kind, local_date, start_utc, end_utc, state)"
                          + " VALUES (@id, @session, @zone, 'session', @date, @start, @end, 'Planned')", "@id", "@session", "@zone", "@date", "@start", "@end");
        _item = Command("INSERT INTO rundown_items (occurrence_id, position, bulletin_id, booking_id, not_before_seconds, fill, relay_source_id, relay_seconds)"
                        + " VALUES (@occurrence, @position, @bulletin, @booking, @notBefore, @fill, @relaySource, @relaySeconds)",
            "@occurrence", "@position", "@bulletin", "@booking", "@notBefore", "@fill", "@relaySource", "@relaySeconds");
        _reschedule = Command("UPDATE occurrences SET start_utc = @start, end_utc = @end WHERE id = @id", "@id", "@start", "@end");
        _clearItems = Command("DELETE FROM rundown_items WHERE occurrence_id = @id", "@id");
        _lastId = Command("SELECT COALESCE(MAX(id), 0) FROM occurrences");
        _pause = Command("INSERT INTO occurrence_tally_paused (paused) VALUES (1)");
        _tally = Command("""
            INSERT INTO occurrence_tally (occurrence_id, zone_id, start_utc, cancelled, items)
            SELECT o.id, o.zone_id, o.start_utc, o.state = 'Cancelled', (SELECT count(*) FROM rundown_items r WHERE r.occurrence_id = o.id)
            FROM occurrences o WHERE o.id IN (SELECT value FROM json_each(@ids))
            ON CONFLICT (occurrence_id) DO UPDATE SET zone_id = excluded.zone_id, start_utc = excluded.start_utc,
                cancelled = excluded.cancelled, items = excluded.items
            """, "@ids");
        _resume = Command("DELETE FROM occurrence_tally_paused");
    }

    private SqliteCommand[] Commands => [_insert, _item, _reschedule, _clearItems, _lastId, _pause, _tally, _resume];

    /// <summary>Runs the statements in <paramref name="transaction"/>, a new write transaction, until <see cref="End"/>.</summary>
    public void Begin(SqliteTransaction transaction)
    {
        foreach (var command in Commands) command.Transaction = transaction;
        _nextId = (long)_lastId.ExecuteScalar()! + 1;
        _written.Clear();
        _pause.ExecuteNonQuery();
    }

    /// <summary>Sets the tally of every occurrence written since <see cref="Begin"/> and resumes its triggers; call before committing.</summary>
    public void End()
    {
        if (_written.Count > 0) Run(_tally, SqlLists.Json(_written));
        _resume.ExecuteNonQuery();
    }

    /// <summary>Inserts a new occurrence with its rundown; returns its id.</summary>
    public long Insert(long sessionId, string date, string start, string end, IReadOnlyList<PlanItem> items)
    {
        if (!_zoneBySession.TryGetValue(sessionId, out var zoneId)) throw new InvalidOperationException($"session {sessionId} has no zone");
        var id = _nextId++;
        Run(_insert, id, sessionId, zoneId, date, start, end);
        _written.Add(id);
        InsertItems(id, items);
        return id;
    }

    /// <summary>Moves an occurrence to other instants and replaces its rundown.</summary>
    public void Reschedule(long id, string start, string end, IReadOnlyList<PlanItem> items)
    {
        Run(_reschedule, id, start, end);
        Run(_clearItems, id);
        _written.Add(id);
        InsertItems(id, items);
    }

    private void InsertItems(long id, IReadOnlyList<PlanItem> items)
    {
        for (var position = 0; position < items.Count; position++)
        {
            var i = items[position];
            Run(_item, id, position, i.BulletinId, i.BookingId, i.NotBefore, i.Fill, i.RelaySourceId, i.RelaySeconds);
        }
    }

    private SqliteCommand Command(string sql, params string[] names)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in Commands) command.Dispose();
    }
}
