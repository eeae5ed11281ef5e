using System.Data.Common;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// Statements for bulk planning on PostgreSQL inside one short write transaction: new occurrences and rundown items are
/// queued for <see cref="PostgresPlanRows"/> (ids from the identity sequence, in blocks, safe on every node);
/// rescheduling is per row. SQLite writes with <see cref="SqlitePlanRows"/>.
/// </summary>
internal sealed class PlanCommands : IPlanRows, IDisposable
{
    private readonly DbCommand _reschedule;
    private readonly DbCommand _clearItems;
    private readonly PostgresPlanRows _postgres;
    private readonly IReadOnlyDictionary<long, long> _zoneBySession;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly Queue<long> _reserved = new();
    private readonly long _sequence;
    private readonly int _block;

    /// <summary>The zone of each session, read once per plan.</summary>
    public static IReadOnlyDictionary<long, long> ZonesOf(AppDatabase db, DbConnection c, IReadOnlyCollection<long> sessionIds)
    {
        var args = new DynamicParameters();
        var filter = SqlLists.In(db.Dialect, "s.id", "sessionIds", sessionIds, args);
        return c.Query<(long SessionId, long ZoneId)>($"SELECT s.id, z.id FROM sessions s JOIN zones z ON z.commune_id = s.commune_id WHERE {filter}", args)
            .ToDictionary(r => r.SessionId, r => r.ZoneId);
    }

    /// <summary>The identity sequence of <c>occurrences.id</c>, as an OID (read once per plan).</summary>
    public static long OccurrenceSequence(DbConnection c) =>
        c.ExecuteScalar<long>("SELECT pg_get_serial_sequence('occurrences', 'id')::regclass::oid::bigint");

    /// <param name="c">Open connection.</param>
    /// <param name="t">The write transaction.</param>
    /// <param name="zoneBySession">The zone of every session planned (<see cref="ZonesOf"/>).</param>
    /// <param name="sequence">The occurrences' identity sequence (<see cref="OccurrenceSequence"/>).</param>
    /// <param name="expectedInserts">How many new occurrences the chunk holds: the ids reserved at once.</param>
    public PlanCommands(DbConnection c, DbTransaction t, IReadOnlyDictionary<long, long> zoneBySession, long sequence, int expectedInserts)
    {
        (_sequence, _block) = (sequence, Math.Max(expectedInserts, 1));
        _reschedule = Command(c, t, "UPDATE occurrences SET start_utc = @start, end_utc = @end WHERE id = @id", "id", "start", "end");
        _clearItems = Command(c, t, "DELETE FROM rundown_items WHERE occurrence_id = @id", "id");
        _postgres = new PostgresPlanRows(c);
        _zoneBySession = zoneBySession;
        // Items are copied before their occurrences: their occurrence key is checked at commit (migration 0038).
        (_connection, _transaction) = (c, t);
    }

    /// <summary>Queues a new occurrence with its rundown and returns its id (written by <see cref="Flush"/> at the latest).</summary>
    public long Insert(long sessionId, string date, string start, string end, IReadOnlyList<PlanItem> items)
    {
        if (!_zoneBySession.TryGetValue(sessionId, out var zoneId)) throw new InvalidOperationException($"session {sessionId} has no zone");
        var id = NextSequenceId();
        _postgres.Occurrence(id, sessionId, zoneId, date, start, end);
        InsertItems(id, items);
        return id;
    }

    /// <summary>Moves an occurrence to other instants and queues its new rundown in place of the old one.</summary>
    public void Reschedule(long id, string start, string end, IReadOnlyList<PlanItem> items)
    {
        Run(_reschedule, id, start, end);
        Run(_clearItems, id);
        InsertItems(id, items);
    }

    private void InsertItems(long id, IReadOnlyList<PlanItem> items)
    {
        for (var position = 0; position < items.Count; position++) _postgres.Item(id, position, items[position]);
    }

    /// <summary>Writes everything queued.</summary>
    public void Flush() => _postgres.Flush();

    private long NextSequenceId()
    {
        // The sequence by OID: resolving its name on every row (pg_get_serial_sequence) cost 3 µs an id, 2 s of server
        // time in the first plan of 10,000 communes.
        if (_reserved.Count == 0)
            foreach (var id in _connection.Query<long>("SELECT nextval(@sequence::oid::regclass) FROM generate_series(1, @block)",
                         new { sequence = _sequence, block = _block }, _transaction))
                _reserved.Enqueue(id);
        return _reserved.Dequeue();
    }

    /// <summary>An untyped parameter named <paramref name="name"/> (no prefix).</summary>
    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        return parameter;
    }

    private static DbCommand Command(DbConnection c, DbTransaction t, string sql, params string[] names)
    {
        var command = c.CreateCommand();
        command.Transaction = t;
        command.CommandText = sql;
        // Unprepared: Npgsql infers parameter types from the values.
        foreach (var name in names) command.Parameters.Add(Parameter(command, name));
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
    }
}
