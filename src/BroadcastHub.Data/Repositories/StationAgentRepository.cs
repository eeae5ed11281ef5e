using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>What a station agent last reported in its heartbeat.</summary>
public sealed record StationHeartbeat(long StationId, DateTimeOffset LastSeenAt, string? AgentVersion, long? ClockOffsetMs,
    bool? NtpSynchronized, DateTimeOffset? CacheReadyUntil, long? PendingAirtime, string? ZoneStatesJson);

/// <summary>The hub's record that an airtime record came from a station agent, and when.</summary>
public sealed record StationAirtimeReceipt(long OccurrenceId, int Position, long StationId, string ContentHash, DateTimeOffset ReceivedAt);

/// <summary>Station agents: their hashed credentials, last heartbeats and airtime receipts.</summary>
public sealed class StationAgentRepository(AppDatabase db)
{
    /// <summary>Stores (or replaces) the station's credential hash.</summary>
    public void Enrol(long stationId, string tokenHash, DateTimeOffset at)
    {
        using var c = db.Open();
        c.Execute(
            """
            INSERT INTO station_credentials (station_id, token_hash, enrolled_at) VALUES (@stationId, @tokenHash, @at)
            ON CONFLICT (station_id) DO UPDATE SET token_hash = excluded.token_hash, enrolled_at = excluded.enrolled_at
            """, new { stationId, tokenHash, at = SqlValues.Instant(at) });
    }

    /// <summary>Deletes the station's credential; false when it had none.</summary>
    public bool Revoke(long stationId)
    {
        using var c = db.Open();
        return c.Execute("DELETE FROM station_credentials WHERE station_id = @stationId", new { stationId }) == 1;
    }

    /// <summary>Every stored credential hash with its station (few rows: one per enrolled station).</summary>
    public IReadOnlyList<(long StationId, string TokenHash)> Credentials()
    {
        using var c = db.Open();
        return c.Query<(long, string)>("SELECT station_id, token_hash FROM station_credentials").ToList();
    }

    /// <summary>Records a heartbeat, replacing the station's previous one.</summary>
    public void RecordHeartbeat(StationHeartbeat h)
    {
        using var c = db.Open();
        c.Execute(
            """
            INSERT INTO station_heartbeats (station_id, last_seen_at, agent_version, clock_offset_ms, ntp_synchronized,
                cache_ready_until, pending_airtime, zone_states)
            VALUES (@StationId, @seen, @AgentVersion, @ClockOffsetMs, @ntp, @cache, @PendingAirtime, @ZoneStatesJson)
            ON CONFLICT (station_id) DO UPDATE SET last_seen_at = excluded.last_seen_at, agent_version = excluded.agent_version,
                clock_offset_ms = excluded.clock_offset_ms, ntp_synchronized = excluded.ntp_synchronized,
                cache_ready_until = excluded.cache_ready_until, pending_airtime = excluded.pending_airtime,
                zone_states = excluded.zone_states
            """,
            new
            {
                h.StationId, seen = SqlValues.Instant(h.LastSeenAt), h.AgentVersion, h.ClockOffsetMs,
                ntp = h.NtpSynchronized is { } n ? (n ? 1 : 0) : (int?)null, cache = SqlValues.Instant(h.CacheReadyUntil),
                h.PendingAirtime, h.ZoneStatesJson,
            });
    }

    /// <summary>The last heartbeat of every station that sent one, by station.</summary>
    /// <remarks>Read by every page's alert banner: cached until the database changes.</remarks>
    public IReadOnlyDictionary<long, StationHeartbeat> Heartbeats() => db.Cache.Get("station-heartbeats", HeartbeatsNow);

    private IReadOnlyDictionary<long, StationHeartbeat> HeartbeatsNow()
    {
        using var c = db.Open();
        return c.Query<(long StationId, string Seen, string? Version, long? Offset, long? Ntp, string? Cache, long? Pending, string? Zones)>(
                "SELECT station_id, last_seen_at, agent_version, clock_offset_ms, ntp_synchronized, cache_ready_until, pending_airtime, zone_states FROM station_heartbeats")
            .ToDictionary(r => r.StationId, r => new StationHeartbeat(r.StationId, SqlValues.ParseInstant(r.Seen), r.Version, r.Offset,
                r.Ntp is { } n ? n != 0 : null, SqlValues.ParseInstantOrNull(r.Cache), r.Pending, r.Zones));
    }

    /// <summary>The receipts of the given (occurrence, position) keys that exist.</summary>
    /// <remarks>Asked for by every airtime log page and API page: cached until the database changes.</remarks>
    public IReadOnlyDictionary<(long OccurrenceId, int Position), StationAirtimeReceipt> Receipts(IEnumerable<long> occurrenceIds)
    {
        var ids = occurrenceIds.Distinct().Order().ToList();
        return db.Cache.Get($"receipts|{string.Join(',', ids)}", () => ReceiptsNow(ids));
    }

    private IReadOnlyDictionary<(long OccurrenceId, int Position), StationAirtimeReceipt> ReceiptsNow(List<long> ids)
    {
        var result = new Dictionary<(long, int), StationAirtimeReceipt>();
        if (ids.Count == 0) return result;
        using var c = db.Open();
        foreach (var chunk in ids.Chunk(500))
            foreach (var r in c.Query<(long OccurrenceId, long Position, long StationId, string Hash, string At)>(
                         $"SELECT occurrence_id, position, station_id, content_hash, received_at FROM station_airtime_receipts WHERE {db.Dialect.In("occurrence_id", "@chunk")}",
                         new { chunk }))
                result[(r.OccurrenceId, (int)r.Position)] = new StationAirtimeReceipt(r.OccurrenceId, (int)r.Position, r.StationId, r.Hash,
                    SqlValues.ParseInstant(r.At));
        return result;
    }

    /// <summary>
    /// The stored airtime fields of (occurrence, position) an upload is compared with (bulletin, outcome, scheduled, actual
    /// and recorded instants as stored, played seconds, error, a relay's fields), or null when nothing is stored.
    /// </summary>
    public StoredAirtimeFields? StoredAirtime(long occurrenceId, int position)
    {
        using var c = db.Open();
        return c.QuerySingleOrDefault<StoredAirtimeFields>(
            """
            SELECT coalesce(bulletin_id, 0) AS bulletin_id, outcome, scheduled_start, actual_start, actual_end, played_seconds, error, recorded_at,
                relay_source_id, outage_seconds, outages, recording_path
            FROM airtime WHERE occurrence_id = @occurrenceId AND position = @position
            """,
            new { occurrenceId, position });
    }

    /// <summary>Stores a receipt; false when that (occurrence, position) already has one.</summary>
    public bool AddReceipt(StationAirtimeReceipt r)
    {
        using var c = db.Open();
        return c.Execute(
            """
            INSERT INTO station_airtime_receipts (occurrence_id, position, station_id, content_hash, received_at)
            VALUES (@OccurrenceId, @Position, @StationId, @ContentHash, @at) ON CONFLICT (occurrence_id, position) DO NOTHING
            """, new { r.OccurrenceId, r.Position, r.StationId, r.ContentHash, at = SqlValues.Instant(r.ReceivedAt) }) == 1;
    }
}

/// <summary>An airtime record's fields as stored (instants as their stored text), for comparing an upload with them.</summary>
public sealed class StoredAirtimeFields
{
    /// <summary>The bulletin; 0 for a relay.</summary>
    public long BulletinId { get; init; }
    /// <summary>Stored outcome name.</summary>
    public string Outcome { get; init; } = "";
    /// <summary>Stored planned start.</summary>
    public string ScheduledStart { get; init; } = "";
    /// <summary>Stored first-sample instant.</summary>
    public string? ActualStart { get; init; }
    /// <summary>Stored last-sample instant.</summary>
    public string? ActualEnd { get; init; }
    /// <summary>Seconds that aired.</summary>
    public double PlayedSeconds { get; init; }
    /// <summary>Stored error.</summary>
    public string? Error { get; init; }
    /// <summary>Stored instant of writing.</summary>
    public string RecordedAt { get; init; } = "";
    /// <summary>A relay's source.</summary>
    public long? RelaySourceId { get; init; }
    /// <summary>A relay's outage seconds.</summary>
    public double? OutageSeconds { get; init; }
    /// <summary>A relay's outage count.</summary>
    public int? Outages { get; init; }
    /// <summary>A relay's recording path.</summary>
    public string? RecordingPath { get; init; }
}
