using BroadcastHub.Core.Places;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>Units, communes, their zones and speaker clusters.</summary>
public sealed class PlacesRepository(AppDatabase db, TimeProvider time)
{
    /// <summary>Creates a unit under <paramref name="parentUnitId"/> (null for a root).</summary>
    public Unit CreateUnit(string name, long? parentUnitId)
    {
        using var c = db.Open();
        var id = c.ExecuteScalar<long>(
            "INSERT INTO units (name, parent_unit_id, created_at) VALUES (@name, @parentUnitId, @now) RETURNING id",
            new { name, parentUnitId, now = SqlValues.Instant(time.GetUtcNow()) });
        return new Unit(id, name, parentUnitId);
    }

    /// <summary>All units, by name.</summary>
    public IReadOnlyList<Unit> ListUnits() =>
        db.Cache.Get("units", () => ListUnitsNow());

    private IReadOnlyList<Unit> ListUnitsNow()
    {
        using var c = db.Open();
        return c.Query<Unit>("SELECT id, name, parent_unit_id AS ParentUnitId FROM units ORDER BY name").ToList();
    }

    /// <summary>One unit, or null.</summary>
    public Unit? FindUnit(long id)
    {
        using var c = db.Open();
        return c.QuerySingleOrDefault<Unit>("SELECT id, name, parent_unit_id AS ParentUnitId FROM units WHERE id = @id", new { id });
    }

    /// <summary>Creates a commune and its output zone in one transaction.</summary>
    public Commune CreateCommune(string name, long? parentUnitId) => db.InTransaction((c, t) =>
    {
        var id = c.ExecuteScalar<long>(
            "INSERT INTO communes (name, parent_unit_id, created_at) VALUES (@name, @parentUnitId, @now) RETURNING id",
            new { name, parentUnitId, now = SqlValues.Instant(time.GetUtcNow()) }, t);
        var zoneId = c.ExecuteScalar<long>(
            "INSERT INTO zones (commune_id, name) VALUES (@id, @name) RETURNING id", new { id, name }, t);
        return new Commune(id, name, parentUnitId, zoneId);
    });

    private const string CommuneColumns =
        "SELECT c.id, c.name, c.parent_unit_id AS ParentUnitId, z.id AS ZoneId FROM communes c JOIN zones z ON z.commune_id = c.id";

    /// <summary>All communes with their zone, by name.</summary>
    public IReadOnlyList<Commune> ListCommunes() =>
        db.Cache.Get("communes", () => ListCommunesNow());

    private IReadOnlyList<Commune> ListCommunesNow()
    {
        using var c = db.Open();
        return c.Query<Commune>(CommuneColumns + " ORDER BY c.name, c.id").ToList();
    }

    /// <summary>One commune, or null.</summary>
    public Commune? FindCommune(long id)
    {
        using var c = db.Open();
        return c.QuerySingleOrDefault<Commune>(CommuneColumns + " WHERE c.id = @id", new { id });
    }

    /// <summary>Adds a speaker cluster to a commune.</summary>
    public SpeakerCluster AddCluster(long communeId, string name)
    {
        using var c = db.Open();
        var id = c.ExecuteScalar<long>(
            "INSERT INTO speaker_clusters (commune_id, name) VALUES (@communeId, @name) RETURNING id", new { communeId, name });
        return new SpeakerCluster(id, communeId, name);
    }

    /// <summary>Speaker clusters of a commune.</summary>
    public IReadOnlyList<SpeakerCluster> ListClusters(long communeId)
    {
        using var c = db.Open();
        return c.Query<SpeakerCluster>(
            "SELECT id, commune_id AS CommuneId, name FROM speaker_clusters WHERE commune_id = @communeId ORDER BY name",
            new { communeId }).ToList();
    }

    /// <summary>All zones.</summary>
    public IReadOnlyList<Zone> ListZones() =>
        db.Cache.Get("zones", () => ListZonesNow());

    private IReadOnlyList<Zone> ListZonesNow()
    {
        using var c = db.Open();
        return c.Query<Zone>("SELECT id, commune_id AS CommuneId, name FROM zones ORDER BY id").ToList();
    }
}
