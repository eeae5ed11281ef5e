using Dapper;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// Statements for bulk planning inside one short write transaction: new occurrences and rundown items are batched
/// (multi-row <c>VALUES</c> on SQLite, <see cref="PostgresPlanRows"/> on PostgreSQL; ids are
/// assigned here: on SQLite from the highest id, safe because the transaction holds the write lock; on PostgreSQL
/// from the identity sequence, in blocks, safe on every node); rescheduling is per row.
/// </summary>
internal sealed class PlanCommands : IDisposable
{
    private readonly DbCommand _reschedule;
    private readonly DbCommand _clearItems;
    private readonly BatchInsert? _occurrences;
    private readonly BatchInsert? _items;
    private readonly PostgresPlanRows? _postgres;
    private readonly IReadOnlyDictionary<long, long> _zoneBySession;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly Queue<long> _reserved = new();
    private long _lastId;

    /// <summary>The zone of each session (all sessions when there are too many to name), read once per plan.</summary>
    public static IReadOnlyDictionary<long, long> ZonesOf(AppDatabase db, DbConnection c, IReadOnlyCollection<long> sessionIds)
    {
        var few = sessionIds.Count <= 50;
        return c.Query<(long SessionId, long ZoneId)>(
                "SELECT s.id, z.id FROM sessions s JOIN zones z ON z.commune_id = s.commune_id" + (few ? " WHERE " + db.Dialect.In("s.id", "@sessionIds") : ""),
                new { sessionIds = sessionIds.ToArray() })
            .ToDictionary(r => r.SessionId, r => r.ZoneId);
    }

    /// <param name="c">Open connection.</param>
    /// <param name="t">The write transaction.</param>
    /// <param name="zoneBySession">The zone of every session planned (<see cref="ZonesOf"/>).</param>
    public PlanCommands(DbConnection c, DbTransaction t, IReadOnlyDictionary<long, long> zoneBySession)
    {
        _reschedule = Command(c, t, "UPDATE occurrences SET start_utc = @start, end_utc = @end WHERE id = @id", "id", "start", "end");
        _clearItems = Command(c, t, "DELETE FROM rundown_items WHERE occurrence_id = @id", "id");
        if (c is SqliteConnection)
        {
            _occurrences = new BatchInsert(c, t, "INSERT INTO occurrences (id, session_id, zone_id, kind, local_date, start_utc, end_utc, state)",
                "({0}, {1}, {2}, 'session', {3}, {4}, {5}, 'Planned')", 6);
            _items = new BatchInsert(c, t, "INSERT INTO rundown_items (occurrence_id, position, bulletin_id, booking_id, not_before_seconds, fill, relay_source_id, relay_seconds)",
                "({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7})", 8);
        }
        else _postgres = new PostgresPlanRows(c);
        _zoneBySession = zoneBySession;
        (_connection, _transaction) = (c, t);
        if (c is SqliteConnection) _lastId = c.ExecuteScalar<long>("SELECT COALESCE(MAX(id), 0) FROM occurrences", transaction: t);
        // Items are batched apart from their occurrences, so a batch of items may be written before the batch that
        // holds its occurrence: check the foreign keys at commit instead of per statement (reset by SQLite at commit).
        c.Execute(c is SqliteConnection ? "PRAGMA defer_foreign_keys = ON" : "SET CONSTRAINTS ALL DEFERRED", transaction: t);
    }

    /// <summary>Queues a new occurrence and returns its id (written by <see cref="Flush"/> at the latest).</summary>
    public long Insert(long sessionId, string date, string start, string end)
    {
        if (!_zoneBySession.TryGetValue(sessionId, out var zoneId)) throw new InvalidOperationException($"session {sessionId} has no zone");
        var id = _connection is SqliteConnection ? ++_lastId : NextSequenceId();
        if (_postgres is not null) _postgres.Occurrence(id, sessionId, zoneId, date, start, end);
        else _occurrences!.Add(id, sessionId, zoneId, date, start, end);
        return id;
    }

    public void Reschedule(long id, string start, string end)
    {
        Run(_reschedule, id, start, end);
        Run(_clearItems, id);
    }

    /// <summary>Queues the rundown items of an occurrence.</summary>
    public void InsertItems(long id, IReadOnlyList<PlanItem> items)
    {
        for (var position = 0; position < items.Count; position++)
        {
            var i = items[position];
            if (_postgres is not null) _postgres.Item(id, position, i);
            else _items!.Add(id, position, i.BulletinId, i.BookingId, i.NotBefore, i.Fill, i.RelaySourceId, i.RelaySeconds);
        }
    }

    /// <summary>Writes everything queued; occurrences first, since their items refer to them.</summary>
    public void Flush()
    {
        _postgres?.Flush();
        _occurrences?.Flush();
        _items?.Flush();
    }

    private long NextSequenceId()
    {
        if (_reserved.Count == 0)
            foreach (var id in _connection.Query<long>("SELECT nextval(pg_get_serial_sequence('occurrences', 'id')) FROM generate_series(1, 1024)", transaction: _transaction))
                _reserved.Enqueue(id);
        return _reserved.Dequeue();
    }

    /// <summary>An untyped parameter named <paramref name="name"/> (no prefix).</summary>
    internal static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        return parameter;
    }

    /// <summary>Prepares on SQLite; Npgsql infers parameter types from the values, so it runs unprepared.</summary>
    internal static void Prepare(DbCommand command)
    {
        if (command is SqliteCommand) command.Prepare();
    }

    private static DbCommand Command(DbConnection c, DbTransaction t, string sql, params string[] names)
    {
        var command = c.CreateCommand();
        command.Transaction = t;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(Parameter(command, name));
        Prepare(command);
        return command;
    }

    private static void Run(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _reschedule.Dispose();
        _clearItems.Dispose();
        _occurrences?.Dispose();
        _items?.Dispose();
    }
}
