using BroadcastHub.Core.Airtime;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>
/// The airtime log over a period, a page at a time (kept in the read cache: the log page and the API are polled) or
/// streamed whole: never cut silently at a fixed row count.
/// </summary>
public sealed class AirtimeLogPages(AppDatabase db)
{
    private string From(DynamicParameters args) => args.ParameterNames.Contains("startFrom")
        // PostgreSQL, some communes: through their zones' occurrences (AirtimeLead), not the whole hub's period first.
        ? """
          FROM zones z JOIN occurrences o ON o.zone_id = z.id AND o.start_utc >= @startFrom AND o.start_utc < @startTo
          JOIN airtime a ON a.occurrence_id = o.id
          WHERE a.scheduled_start >= @from AND a.scheduled_start < @to AND z.commune_id = ANY(@communeIds)
          """
        : $"""
          FROM airtime a JOIN occurrences o ON o.id = a.occurrence_id JOIN zones z ON z.id = o.zone_id
          WHERE a.scheduled_start >= @from AND a.scheduled_start < @to AND (@all OR {db.Dialect.In("z.commune_id", "@communeIds")})
          """;

    private const string Order = " ORDER BY a.scheduled_start, a.occurrence_id, a.position";

    /// <summary>Records whose scheduled start is in [from, to) of <paramref name="communeIds"/> (all when null).</summary>
    public long Count(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<long>? communeIds) =>
        (long)db.Cache.Get<object>($"airtime-log-count|{Key(from, to, communeIds)}", () => CountNow(from, to, communeIds));

    private long CountNow(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<long>? communeIds)
    {
        var args = Args(from, to, communeIds);
        using var c = db.Open();
        return c.ExecuteScalar<long>("SELECT count(*) " + From(args), args);
    }

    /// <summary>One page of those records in time order, skipping <paramref name="offset"/>.</summary>
    public IReadOnlyList<AirtimeRecord> Page(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<long>? communeIds, long offset, int limit) =>
        db.Cache.Get($"airtime-log-page|{Key(from, to, communeIds)}|{offset}|{limit}", () => PageNow(from, to, communeIds, offset, limit));

    private IReadOnlyList<AirtimeRecord> PageNow(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<long>? communeIds, long offset, int limit)
    {
        var args = Args(from, to, communeIds);
        using var c = db.Open();
        args.Add("offset", offset);
        args.Add("limit", limit);
        return c.Query<AirtimeRepository.Row>("SELECT a.*, z.commune_id " + From(args) + Order + " LIMIT @limit OFFSET @offset", args)
            .Select(r => r.ToRecord()).ToList();
    }

    /// <summary>Every one of those records in time order, streamed (one row in memory at a time).</summary>
    public IEnumerable<AirtimeRecord> All(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<long>? communeIds)
    {
        var args = Args(from, to, communeIds);
        using var c = db.Open();
        foreach (var row in c.Query<AirtimeRepository.Row>("SELECT a.*, z.commune_id " + From(args) + Order, args, buffered: false))
            yield return row.ToRecord();
    }

    // Cached pages are keyed by the range and the communes asked for (a unit's user asks for its own list).
    private static string Key(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<long>? communeIds) =>
        $"{from.UtcTicks}|{to.UtcTicks}|{(communeIds is null ? "all" : string.Join(',', communeIds))}";

    private DynamicParameters Args(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<long>? communeIds)
    {
        var args = new DynamicParameters(new
        {
            from = SqlValues.Instant(from), to = SqlValues.Instant(to), all = communeIds is null, communeIds = communeIds?.ToArray() ?? [],
        });
        if (db.Dialect.IsPostgres && communeIds is not null && AirtimeLead.OccurrenceStarts(db, from, to) is { } starts)
        {
            args.Add("startFrom", starts.From);
            args.Add("startTo", starts.To);
        }
        return args;
    }
}
