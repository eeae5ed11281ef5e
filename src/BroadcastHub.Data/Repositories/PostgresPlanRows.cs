using System.Data.Common;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// New occurrences and rundown items of one planning transaction on PostgreSQL, written with one <c>INSERT … SELECT
/// FROM unnest(arrays)</c> per table: a few array parameters instead of a multi-row <c>VALUES</c> list of hundreds of
/// parameters that the server must parse and plan again at every execution.
/// </summary>
internal sealed class PostgresPlanRows(DbConnection c, DbTransaction t)
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

    /// <summary>Writes everything queued; occurrences first, since their items refer to them.</summary>
    public void Flush()
    {
        if (_ids.Count > 0)
            c.Execute("""
                INSERT INTO occurrences (id, session_id, zone_id, kind, local_date, start_utc, end_utc, state)
                SELECT id, session_id, zone_id, 'session', local_date, start_utc, end_utc, 'Planned'
                FROM unnest(@ids::bigint[], @sessions::bigint[], @zones::bigint[], @dates::text[], @starts::text[], @ends::text[])
                     AS u(id, session_id, zone_id, local_date, start_utc, end_utc)
                """, new { ids = _ids.ToArray(), sessions = _sessions.ToArray(), zones = _zones.ToArray(),
                    dates = _dates.ToArray(), starts = _starts.ToArray(), ends = _ends.ToArray() }, t);
        if (_itemOccurrences.Count > 0)
            c.Execute("""
                INSERT INTO rundown_items (occurrence_id, position, bulletin_id, booking_id, not_before_seconds, fill, relay_source_id, relay_seconds)
                SELECT * FROM unnest(@occurrences::bigint[], @positions::bigint[], @bulletins::bigint[], @bookings::bigint[],
                                     @notBefore::double precision[], @fills::text[], @relaySources::bigint[], @relaySeconds::double precision[])
                """, new { occurrences = _itemOccurrences.ToArray(), positions = _positions.ToArray(), bulletins = _bulletins.ToArray(),
                    bookings = _bookings.ToArray(), notBefore = _notBefore.ToArray(), fills = _fills.ToArray(),
                    relaySources = _relaySources.ToArray(), relaySeconds = _relaySeconds.ToArray() }, t);
        foreach (var list in new System.Collections.IList[] { _ids, _sessions, _zones, _dates, _starts, _ends, _itemOccurrences, _positions, _bulletins, _bookings,
                     _notBefore, _fills, _relaySources, _relaySeconds })
            list.Clear();
    }
}
