using BroadcastHub.Core.Airtime;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// The airtime log over a period, a page at a time (kept in the read cache: the log page and the API are polled) or
/// streamed whole: never cut silently at a fixed row count.
/// </summary>
public sealed class AirtimeLogPages(AppDatabase db)
{
    private string From =>
        $"""
        FROM airtime a JOIN occurrences o ON o.id = a.occurrence_id JOIN zones z ON z.id = o.zone_id
        WHERE a.scheduled_start >= @from AND a.scheduled_start < @to AND (@all OR {db.Dialect.In("z.commune_id", "@communeIds")})
        """;

    private const string Order = " ORDER BY a.scheduled_start, a.occurrence_id, a.position";

    /// <summary>Records whose scheduled start is in [from, to) of <paramref name="communeIds"/> (all when null).</summary>
    public long Count(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<long>? communeIds) =>
        (long)db.Cache.Get<object>($"airtime-log-count|{Key(from, to, communeIds)}", () => CountNow(from, to, communeIds));

    private long CountNow(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<long>? communeIds)
    {
        using var c = db.Open();
        return c.ExecuteScalar<long>("SELECT count(*) " + From, Args(from, to, communeIds));
    }

    /// <summary>One page of those records in time order, skipping <paramref name="offset"/>.</summary>
    public IReadOnlyList<AirtimeRecord> Page(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<long>? communeIds, long offset, int limit) =>
        db.Cache.Get($"airtime-log-page|{Key(from, to, communeIds)}|{offset}|{limit}", () => PageNow(from, to, communeIds, offset, limit));

    private IReadOnlyList<AirtimeRecord> PageNow(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<long>? communeIds, long offset, int limit)
    {
        using var c = db.Open();
        var args = Args(from, to, communeIds);
        args.Add("offset", offset);
        args.Add("limit", limit);
        return c.Query<AirtimeRepository.Row>("SELECT a.*, z.commune_id " + From + Order + " LIMIT @limit OFFSET @offset", args)
            .Select(r => r.ToRecord()).ToList();
    }

    /// <summary>Every one of those records in time order, streamed (one row in memory at a time).</summary>
    public IEnumerable<AirtimeRecord> All(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<long>? communeIds)
    {
        using var c = db.Open();
        foreach (var row in c.Query<AirtimeRepository.Row>("SELECT a.*, z.commune_id " + From + Order, Args(from, to, communeIds), buffered: false))
            yield return row.ToRecord();
    }

    // Cached pages are keyed by the range and the communes asked for (a unit's user asks for its own list).
    private static string Key(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<long>? communeIds) =>
        $"{from.UtcTicks}|{to.UtcTicks}|{(communeIds is null ? "all" : string.Join(',', communeIds))}";

    private static DynamicParameters Args(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<long>? communeIds) => new(new
    {
        from = SqlValues.Instant(from), to = SqlValues.Instant(to), all = communeIds is null, communeIds = communeIds?.ToArray() ?? [],
    });
}
