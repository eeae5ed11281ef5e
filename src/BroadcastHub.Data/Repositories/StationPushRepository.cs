using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// The open push connections of station agents, one row per connection, kept by the hub node holding it: any node can
/// tell whether a station is reachable by push now, whichever node its agent is connected to.
/// </summary>
public sealed class StationPushRepository(AppDatabase db)
{
    /// <summary>A row not refreshed for this long belongs to a node that died.</summary>
    public static readonly TimeSpan Stale = TimeSpan.FromSeconds(60);

    /// <summary>Records an open connection.</summary>
    public void Opened(string connectionId, long stationId, string node, DateTimeOffset at)
    {
        using var c = db.Open();
        c.Execute(
            """
            INSERT INTO station_push_connections (connection_id, station_id, node, connected_at, seen_at)
            VALUES (@connectionId, @stationId, @node, @at, @at)
            ON CONFLICT (connection_id) DO UPDATE SET seen_at = excluded.seen_at
            """, new { connectionId, stationId, node, at = SqlValues.Instant(at) });
    }

    /// <summary>Forgets a closed connection.</summary>
    public void Closed(string connectionId)
    {
        using var c = db.Open();
        c.Execute("DELETE FROM station_push_connections WHERE connection_id = @connectionId", new { connectionId });
    }

    /// <summary>Marks every connection of <paramref name="node"/> as alive at <paramref name="at"/>, and drops stale rows of dead nodes.</summary>
    public void Refresh(string node, DateTimeOffset at)
    {
        using var c = db.Open();
        var seen = SqlValues.Instant(at);
        c.Execute("UPDATE station_push_connections SET seen_at = @seen WHERE node = @node", new { node, seen });
        c.Execute("DELETE FROM station_push_connections WHERE seen_at < @stale", new { stale = SqlValues.Instant(at - Stale - Stale) });
    }

    /// <summary>The stations with at least one live push connection at <paramref name="now"/>.</summary>
    public IReadOnlySet<long> Connected(DateTimeOffset now)
    {
        using var c = db.Open();
        return c.Query<long>("SELECT DISTINCT station_id FROM station_push_connections WHERE seen_at >= @since",
            new { since = SqlValues.Instant(now - Stale) }).ToHashSet();
    }
}
