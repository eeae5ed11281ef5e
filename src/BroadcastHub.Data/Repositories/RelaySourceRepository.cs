using BroadcastHub.Core.Relay;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>Live streams sessions can relay. Deleting is soft: rundowns and airtime that name a source keep naming it.</summary>
public sealed class RelaySourceRepository(AppDatabase db, TimeProvider time)
{
    private sealed class Row
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string Url { get; set; } = "";
        public string CreatedUtc { get; set; } = "";
        public string UpdatedUtc { get; set; } = "";
        public RelaySource ToSource() => new(Id, Name, Url, SqlValues.ParseInstant(CreatedUtc), SqlValues.ParseInstant(UpdatedUtc));
    }

    private const string Select = "SELECT id, name, url, created_utc AS CreatedUtc, updated_utc AS UpdatedUtc FROM relay_sources";

    /// <summary>Adds a source; null when a source (not deleted) already has that name.</summary>
    public RelaySource? Add(string name, string url)
    {
        var now = SqlValues.Instant(time.GetUtcNow());
        try
        {
            using var c = db.Open();
            var id = c.ExecuteScalar<long>(
                "INSERT INTO relay_sources (name, url, created_utc, updated_utc) VALUES (@name, @url, @now, @now) RETURNING id",
                new { name, url, now });
            return Find(id);
        }
        catch (Exception e) when (SqlDialect.IsUniqueViolation(e))
        {
            return null;
        }
    }

    /// <summary>The source if it exists and is not deleted, else null.</summary>
    public RelaySource? Find(long id)
    {
        using var c = db.Open();
        return c.QuerySingleOrDefault<Row>(Select + " WHERE id = @id AND deleted_utc IS NULL", new { id })?.ToSource();
    }

    /// <summary>The sources with these ids, deleted ones included (a planned or aired item still names its source).</summary>
    public IReadOnlyDictionary<long, RelaySource> FindMany(IEnumerable<long> ids)
    {
        var list = ids.Distinct().ToArray();
        if (list.Length == 0) return new Dictionary<long, RelaySource>();
        using var c = db.Open();
        return c.Query<Row>(Select + " WHERE " + db.Dialect.In("id", "@list"), new { list })
            .ToDictionary(r => r.Id, r => r.ToSource());
    }

    /// <summary>Every source not deleted, by name.</summary>
    /// <remarks>Read by every schedule page's booking form: cached until the database changes.</remarks>
    public IReadOnlyList<RelaySource> List() => db.Cache.Get("relay-sources", ListNow);

    private IReadOnlyList<RelaySource> ListNow()
    {
        using var c = db.Open();
        return c.Query<Row>(Select + " WHERE deleted_utc IS NULL ORDER BY name, id").Select(r => r.ToSource()).ToList();
    }

    /// <summary>Renames or repoints a source; <see cref="RelaySourceChange.NotFound"/> or <see cref="RelaySourceChange.NameTaken"/> change nothing.</summary>
    public RelaySourceChange Update(long id, string name, string url)
    {
        try
        {
            using var c = db.Open();
            return c.Execute("UPDATE relay_sources SET name = @name, url = @url, updated_utc = @now WHERE id = @id AND deleted_utc IS NULL",
                new { id, name, url, now = SqlValues.Instant(time.GetUtcNow()) }) == 1 ? RelaySourceChange.Done : RelaySourceChange.NotFound;
        }
        catch (Exception e) when (SqlDialect.IsUniqueViolation(e))
        {
            return RelaySourceChange.NameTaken;
        }
    }

    /// <summary>
    /// How many bookings still name the source on <paramref name="today"/> or later (not cancelled before then), and how
    /// many occurrences not yet ended (planned or airing) still relay it.
    /// </summary>
    public (int Bookings, int Occurrences) Uses(long id, DateOnly today, DateTimeOffset now)
    {
        using var c = db.Open();
        var args = new { id, today = SqlValues.Date(today), now = SqlValues.Instant(now) };
        var bookings = c.ExecuteScalar<long>(
            """
            SELECT count(*) FROM bookings WHERE relay_source_id = @id AND to_date >= @today
              AND (cancelled_from IS NULL OR (cancelled_from > @today AND cancelled_from > from_date))
            """, args);
        var occurrences = c.ExecuteScalar<long>(
            """
            SELECT count(DISTINCT o.id) FROM rundown_items r JOIN occurrences o ON o.id = r.occurrence_id
            WHERE r.relay_source_id = @id AND o.end_utc > @now AND o.state IN ('Planned', 'Claimed')
            """, args);
        return ((int)bookings, (int)occurrences);
    }

    /// <summary>Marks a source deleted (its name becomes free); false when it does not exist or already is.</summary>
    public bool Delete(long id)
    {
        using var c = db.Open();
        return c.Execute("UPDATE relay_sources SET deleted_utc = @now WHERE id = @id AND deleted_utc IS NULL",
            new { id, now = SqlValues.Instant(time.GetUtcNow()) }) == 1;
    }
}

/// <summary>What <see cref="RelaySourceRepository.Update"/> did.</summary>
public enum RelaySourceChange
{
    /// <summary>Changed.</summary>
    Done,
    /// <summary>No such source (or deleted).</summary>
    NotFound,
    /// <summary>Another source has that name.</summary>
    NameTaken,
}
