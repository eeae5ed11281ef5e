using BroadcastHub.Core.Scheduling;
using Dapper;

namespace BroadcastHub.Data.Repositories;

/// <summary>Dated occurrences of sessions and their rundowns.</summary>
public sealed class OccurrenceRepository(AppDatabase db)
{
    private sealed class Row
    {
        public long Id { get; set; }
        public long? SessionId { get; set; }
        public long CommuneId { get; set; }
        public long ZoneId { get; set; }
        public string LocalDate { get; set; } = "";
        public string StartUtc { get; set; } = "";
        public string EndUtc { get; set; } = "";
        public string State { get; set; } = "";
        public Occurrence ToOccurrence() => new(Id, SessionId, CommuneId, ZoneId, SqlValues.ParseDate(LocalDate),
            SqlValues.ParseInstant(StartUtc), SqlValues.ParseInstant(EndUtc), Enum.Parse<OccurrenceState>(State));
    }

    private const string Select =
        """
        SELECT o.id, o.session_id, z.commune_id, o.zone_id, o.local_date, o.start_utc, o.end_utc, o.state
        FROM occurrences o JOIN zones z ON z.id = o.zone_id
        """;

    /// <summary>
    /// Creates the occurrence if it does not exist; while it is still <see cref="OccurrenceState.Planned"/> its
    /// rundown is replaced by the plan. Claimed or past occurrences are never changed. Returns the occurrence id.
    /// </summary>
    public long Upsert(PlannedOccurrence plan) => new OccurrencePlanWriter(db).UpsertMany([plan])[0];

    /// <summary>Creates an emergency airing (phát ngay) on a zone: no session, one bulletin, starting at once.</summary>
    public long CreateEmergency(long zoneId, long bulletinId, DateOnly localDate, DateTimeOffset start, DateTimeOffset end) =>
        db.InTransaction((c, t) =>
        {
            var id = c.ExecuteScalar<long>(
                """
                INSERT INTO occurrences (session_id, zone_id, kind, local_date, start_utc, end_utc, state)
                VALUES (NULL, @zoneId, 'emergency', @date, @start, @end, 'Planned') RETURNING id
                """,
                new { zoneId, date = SqlValues.Date(localDate), start = SqlValues.Instant(start), end = SqlValues.Instant(end) }, t);
            c.Execute("INSERT INTO rundown_items (occurrence_id, position, bulletin_id) VALUES (@id, 0, @bulletinId)", new { id, bulletinId }, t);
            return id;
        });

    /// <summary>The occurrence of a session on a local date, or null.</summary>
    public Occurrence? FindBySession(long sessionId, DateOnly localDate) => db.Cache.Get($"occurrence-of|{sessionId}|{SqlValues.Date(localDate)}", () =>
    {
        using var c = db.Open();
        return new Found(c.QuerySingleOrDefault<Row>(Select + " WHERE o.session_id = @sessionId AND o.local_date = @date",
            new { sessionId, date = SqlValues.Date(localDate) })?.ToOccurrence());
    }).Occurrence;

    private sealed record Found(Occurrence? Occurrence);

    /// <summary>One occurrence, or null.</summary>
    public Occurrence? Find(long id)
    {
        using var c = db.Open();
        return c.QuerySingleOrDefault<Row>(Select + " WHERE o.id = @id", new { id })?.ToOccurrence();
    }

    /// <summary>Which of <paramref name="ids"/> are emergency airings (no session), in one query.</summary>
    public IReadOnlySet<long> Emergencies(IEnumerable<long> ids)
    {
        var list = ids.Distinct().Order().ToArray();
        if (list.Length == 0) return new HashSet<long>();
        return db.Cache.Get($"emergencies|{string.Join(',', list)}", () =>
        {
            using var c = db.Open();
            return (IReadOnlySet<long>)c.Query<long>($"SELECT id FROM occurrences WHERE session_id IS NULL AND {db.Dialect.In("id", "@list")}", new { list }).ToHashSet();
        });
    }

    /// <summary>Occurrences starting in [from, to), in start order.</summary>
    public IReadOnlyList<Occurrence> ListStarting(DateTimeOffset from, DateTimeOffset to, OccurrenceState? state = null)
    {
        using var c = db.Open();
        return c.Query<Row>(Select + " WHERE o.start_utc >= @from AND o.start_utc < @to AND (@state IS NULL OR o.state = @state) ORDER BY o.start_utc, o.id",
            new { from = SqlValues.Instant(from), to = SqlValues.Instant(to), state = state?.ToString() })
            .Select(r => r.ToOccurrence()).ToList();
    }

    /// <summary>Occurrences of the given zones starting in [<paramref name="from"/>, <paramref name="to"/>), in start order (a station's manifest).</summary>
    public IReadOnlyList<Occurrence> ListStartingInZones(IReadOnlyCollection<long> zoneIds, DateTimeOffset from, DateTimeOffset to)
    {
        if (zoneIds.Count == 0) return [];
        using var c = db.Open();
        return c.Query<Row>(Select + $" WHERE {db.Dialect.In("o.zone_id", "@zones")} AND o.start_utc >= @from AND o.start_utc < @to ORDER BY o.start_utc, o.id",
            new { zones = zoneIds.ToArray(), from = SqlValues.Instant(from), to = SqlValues.Instant(to) })
            .Select(r => r.ToOccurrence()).ToList();
    }

    /// <summary>
    /// Planned occurrences starting in [<paramref name="now"/>, <paramref name="now"/> + <paramref name="span"/>), in
    /// start order. For monitors and dashboards polled by many clients: the rows are read once per minute window and
    /// database change, and cut to the exact instant here.
    /// </summary>
    public IReadOnlyList<Occurrence> ListPlannedFrom(DateTimeOffset now, TimeSpan span)
    {
        var minute = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var window = db.Cache.Get($"planned-from|{span.Ticks}",
            () => ListStarting(minute, minute + span + TimeSpan.FromMinutes(1), OccurrenceState.Planned), window: minute.UtcTicks);
        var end = now + span;
        return window.Where(o => o.StartUtc >= now && o.StartUtc < end).ToList();
    }

    /// <summary>Occurrences in a state, in start order.</summary>
    public IReadOnlyList<Occurrence> ListInState(OccurrenceState state)
    {
        using var c = db.Open();
        return c.Query<Row>(Select + " WHERE o.state = @state ORDER BY o.start_utc", new { state = state.ToString() })
            .Select(r => r.ToOccurrence()).ToList();
    }

    /// <summary>The ordered rundown of an occurrence.</summary>
    public IReadOnlyList<RundownItem> Rundown(long occurrenceId)
    {
        using var c = db.Open();
        return c.Query<RundownRow>($"SELECT {RundownRow.Columns()} FROM rundown_items WHERE occurrence_id = @occurrenceId ORDER BY position",
                new { occurrenceId })
            .Select(r => r.ToItem()).ToList();
    }

    /// <summary>
    /// <see cref="Rundown"/> for read-mostly pages and APIs (the rundown API), cached until the database changes. Work
    /// that walks many occurrences (airtime checks, playout) reads <see cref="Rundown"/>, so it does not crowd the cache.
    /// </summary>
    public IReadOnlyList<RundownItem> CachedRundown(long occurrenceId) =>
        db.Cache.Get($"rundown|{occurrenceId}", () => Rundown(occurrenceId));

    /// <summary>The ordered rundowns of many occurrences in one query (an occurrence without items maps to an empty list).</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<RundownItem>> Rundowns(IEnumerable<long> occurrenceIds)
    {
        var ids = occurrenceIds.Distinct().ToList();
        var result = ids.ToDictionary(id => id, _ => (IReadOnlyList<RundownItem>)new List<RundownItem>());
        if (ids.Count == 0) return result;
        using var c = db.Open();
        // Chunks keep the bound parameters well under SQLite's limit.
        foreach (var chunk in ids.Chunk(500))
            foreach (var r in c.Query<RundownRow>(
                         $"SELECT {RundownRow.Columns()} FROM rundown_items WHERE "
                         + db.Dialect.In("occurrence_id", "@chunk") + " ORDER BY occurrence_id, position",
                         new { chunk }))
                ((List<RundownItem>)result[r.OccurrenceId]).Add(r.ToItem());
        return result;
    }

    /// <summary>
    /// Moves a planned occurrence to <paramref name="to"/> atomically. Only one caller can ever win this for an
    /// occurrence: this is what keeps it from airing twice, across restarts too.
    /// </summary>
    public bool TryTransition(long id, OccurrenceState to, DateTimeOffset at)
    {
        using var c = db.Open();
        return c.Execute("UPDATE occurrences SET state = @to, claimed_at = @at WHERE id = @id AND state = 'Planned'",
            new { id, to = to.ToString(), at = SqlValues.Instant(at) }) == 1;
    }

    /// <summary>Planned occurrences starting before <paramref name="until"/>, with the Hangfire job recorded for each.</summary>
    public IReadOnlyList<(Occurrence Occurrence, string? ArmJobId)> ListArmable(DateTimeOffset until)
    {
        using var c = db.Open();
        var rows = c.Query<Row>(Select + " WHERE o.state = 'Planned' AND o.start_utc < @until ORDER BY o.start_utc, o.id",
            new { until = SqlValues.Instant(until) }).ToList();
        var jobs = c.Query<(long Id, string? Job)>("SELECT id, arm_job_id FROM occurrences WHERE state = 'Planned' AND start_utc < @until",
            new { until = SqlValues.Instant(until) }).ToDictionary(j => j.Id, j => j.Job);
        return rows.Select(r => (r.ToOccurrence(), jobs.GetValueOrDefault(r.Id))).ToList();
    }

    /// <summary>Remembers the Hangfire jobs that arm occurrences, in one transaction (one statement on PostgreSQL).</summary>
    public void SetArmJobs(IReadOnlyCollection<(long Id, string JobId)> jobs)
    {
        if (jobs.Count == 0) return;
        if (db.Dialect.IsPostgres)
        {
            using var c = db.Open();
            c.Execute("UPDATE occurrences o SET arm_job_id = j.job FROM unnest(@ids::bigint[], @jobIds::text[]) AS j(id, job) WHERE o.id = j.id",
                new { ids = jobs.Select(j => j.Id).ToArray(), jobIds = jobs.Select(j => j.JobId).ToArray() });
            return;
        }
        db.InTransaction((c, t) => c.Execute("UPDATE occurrences SET arm_job_id = @JobId WHERE id = @Id",
            jobs.Select(j => new { j.Id, j.JobId }), t));
    }

    /// <summary>The Hangfire job id recorded for the occurrence, if any.</summary>
    public string? ArmJob(long id)
    {
        using var c = db.Open();
        return c.ExecuteScalar<string?>("SELECT arm_job_id FROM occurrences WHERE id = @id", new { id });
    }
}
