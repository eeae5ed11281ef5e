using System.Data.Common;
using BroadcastHub.Core.Scheduling;
using Npgsql;
using NpgsqlTypes;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// New occurrences and rundown items of one planning transaction on PostgreSQL, written with one binary <c>COPY</c> per
/// table (inside the transaction, so under its advisory lock and deferred foreign keys like any insert): no SQL to parse
/// and plan, no arrays to build and take apart, and no multi-row <c>VALUES</c> list of hundreds of parameters.
/// </summary>
internal sealed class PostgresPlanRows(DbConnection c)
{
    private readonly List<long> _ids = [], _sessions = [], _zones = [];
    private readonly List<string> _dates = [], _starts = [], _ends = [];
    private readonly List<long> _itemOccurrences = [], _positions = [];
    private readonly List<long?> _bulletins = [], _bookings = [], _relaySources = [];
    private readonly List<double?> _notBefore = [], _relaySeconds = [];
    private readonly List<string?> _fills = [];

    public void Occurrence(long id, long sessionId, long zoneId, string date, string start, string end)
    {
        _ids.Add(id);
        _sessions.Add(sessionId);
        _zones.Add(zoneId);
        _dates.Add(date);
        _starts.Add(start);
        _ends.Add(end);
    }

    public void Item(long occurrenceId, long position, PlanItem item)
    {
        _itemOccurrences.Add(occurrenceId);
        _positions.Add(position);
        _bulletins.Add(item.BulletinId);
        _bookings.Add(item.BookingId);
        _notBefore.Add(item.NotBefore);
        _fills.Add(item.Fill);
        _relaySources.Add(item.RelaySourceId);
        _relaySeconds.Add(item.RelaySeconds);
    }

    /// <summary>
    /// Writes everything queued with binary <c>COPY</c>: the items before their occurrences (their occurrence key is
    /// checked at commit, migration 0038), so that each new occurrence's tally row is inserted with its items counted
    /// (migration 0036) instead of inserted empty and updated.
    /// </summary>
    public void Flush()
    {
        var npgsql = (NpgsqlConnection)c;
        if (_itemOccurrences.Count > 0)
        {
            using var copy = npgsql.BeginBinaryImport("""
                COPY rundown_items (occurrence_id, position, bulletin_id, booking_id, not_before_seconds, fill, relay_source_id, relay_seconds)
                FROM STDIN (FORMAT BINARY)
                """);
            for (var i = 0; i < _itemOccurrences.Count; i++)
            {
                copy.StartRow();
                copy.Write(_itemOccurrences[i], NpgsqlDbType.Bigint);
                copy.Write(_positions[i], NpgsqlDbType.Bigint);
                Write(copy, _bulletins[i]);
                Write(copy, _bookings[i]);
                Write(copy, _notBefore[i]);
                Write(copy, _fills[i]);
                Write(copy, _relaySources[i]);
                Write(copy, _relaySeconds[i]);
            }
            copy.Complete();
        }
        if (_ids.Count > 0)
        {
            using var copy = npgsql.BeginBinaryImport(
                "COPY occurrences (id, session_id, zone_id, kind, local_date, start_utc, end_utc, state) FROM STDIN (FORMAT BINARY)");
            for (var i = 0; i < _ids.Count; i++)
            {
                copy.StartRow();
                copy.Write(_ids[i], NpgsqlDbType.Bigint);
                copy.Write(_sessions[i], NpgsqlDbType.Bigint);
                copy.Write(_zones[i], NpgsqlDbType.Bigint);
                copy.Write("session", NpgsqlDbType.Text);
                copy.Write(_dates[i], NpgsqlDbType.Text);
                copy.Write(_starts[i], NpgsqlDbType.Text);
                copy.Write(_ends[i], NpgsqlDbType.Text);
                copy.Write(nameof(OccurrenceState.Planned), NpgsqlDbType.Text);
            }
            copy.Complete();
        }
        foreach (var list in new System.Collections.IList[] { _ids, _sessions, _zones, _dates, _starts, _ends, _itemOccurrences, _positions, _bulletins, _bookings,
                     _notBefore, _fills, _relaySources, _relaySeconds })
            list.Clear();
    }

    private static void Write(NpgsqlBinaryImporter copy, long? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Bigint);
        else copy.WriteNull();
    }

    private static void Write(NpgsqlBinaryImporter copy, double? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Double);
        else copy.WriteNull();
    }

    private static void Write(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is not null) copy.Write(value, NpgsqlDbType.Text);
        else copy.WriteNull();
    }
}
