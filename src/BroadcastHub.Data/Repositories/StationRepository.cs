using BroadcastHub.Core.Places;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>Station PCs and which zones each one plays.</summary>
public sealed class StationRepository(AppDatabase db, TimeProvider time)
{
    /// <summary>All stations, by id.</summary>
    public IReadOnlyList<Station> List()
    {
        using var c = db.Open();
        return c.Query<Station>("SELECT id, name FROM stations ORDER BY id").ToList();
    }

    /// <summary>The station, or null.</summary>
    public Station? Find(long id)
    {
        using var c = db.Open();
        return c.QuerySingleOrDefault<Station>("SELECT id, name FROM stations WHERE id = @id", new { id });
    }

    /// <summary>Creates a station; null when another station already has that name.</summary>
    public Station? Create(string name)
    {
        using var c = db.Open();
        var id = c.ExecuteScalar<long?>(
            "INSERT INTO stations (name, created_at) VALUES (@name, @now) ON CONFLICT (name) DO NOTHING RETURNING id",
            new { name, now = SqlValues.Instant(time.GetUtcNow()) });
        return id is { } created ? new Station(created, name) : null;
    }

    /// <summary>Moves a zone to a station; false when the zone does not exist.</summary>
    public bool AssignZone(long zoneId, long stationId)
    {
        using var c = db.Open();
        return c.Execute("UPDATE zones SET station_id = @stationId WHERE id = @zoneId", new { zoneId, stationId }) == 1;
    }

    /// <summary>The station of every zone (a zone never assigned belongs to the main station).</summary>
    public IReadOnlyDictionary<long, long> StationByZone() =>
        db.Cache.Get("station-by-zone", () => StationByZoneNow());

    private IReadOnlyDictionary<long, long> StationByZoneNow()
    {
        using var c = db.Open();
        return c.Query<(long ZoneId, long StationId)>($"SELECT id, COALESCE(station_id, {Station.MainId}) FROM zones")
            .ToDictionary(r => r.ZoneId, r => r.StationId);
    }

    /// <summary>Sets (or with null clears) the output chosen for a zone; false when the zone does not exist.</summary>
    public bool SetZoneOutput(long zoneId, string? spec)
    {
        using var c = db.Open();
        return c.Execute("UPDATE zones SET output_spec = @spec WHERE id = @zoneId", new { zoneId, spec }) == 1;
    }

    /// <summary>The outputs chosen on the stations page, by zone (zones left to the configuration are absent).</summary>
    public IReadOnlyDictionary<long, string> OutputByZone() => db.Cache.Get("output-by-zone", () =>
    {
        using var c = db.Open();
        return (IReadOnlyDictionary<long, string>)c.Query<(long ZoneId, string Spec)>("SELECT id, output_spec FROM zones WHERE output_spec IS NOT NULL")
            .ToDictionary(r => r.ZoneId, r => r.Spec);
    });
}
