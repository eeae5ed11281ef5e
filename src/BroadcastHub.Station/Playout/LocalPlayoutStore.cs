using System.Globalization;
using System.Text.Json;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Policies;
using BroadcastHub.Core.Relay;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Playout;
using BroadcastHub.Station.Local;
using BroadcastHub.Station.Sync;
using Dapper;
using static BroadcastHub.Station.Local.ManifestStore;

namespace BroadcastHub.Station.Playout;

/// <summary>
/// The engine's store on a station PC: the manifest window in the local database (what to air) and <c>airing_state</c>
/// (what this PC claimed, missed and heard on air). Nothing here asks the hub.
/// </summary>
public sealed class LocalPlayoutStore(LocalDatabase db) : IPlayoutStore
{
    private const string OccurrenceColumns = """
        o.id AS Id, o.session_id AS SessionId, o.commune_id AS CommuneId, o.zone_id AS ZoneId, o.local_date AS LocalDate,
        o.start_utc AS StartUtc, o.end_utc AS EndUtc, COALESCE(a.state, 'Planned') AS State
        FROM occurrences o LEFT JOIN airing_state a ON a.occurrence_id = o.id
        """;

    private sealed class OccurrenceRow
    {
        public long Id { get; init; }
        public long? SessionId { get; init; }
        public long CommuneId { get; init; }
        public long ZoneId { get; init; }
        public string LocalDate { get; init; } = "";
        public string StartUtc { get; init; } = "";
        public string EndUtc { get; init; } = "";
        public string State { get; init; } = "";

        public Occurrence ToOccurrence() => new(Id, SessionId, CommuneId, ZoneId, DateOnly.ParseExact(LocalDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Parse(StartUtc), Parse(EndUtc), Enum.Parse<OccurrenceState>(State));
    }

    private sealed class ItemRow
    {
        public long Occ { get; init; }
        public long Position { get; init; }
        public long BulletinId { get; init; }
        public long? BookingId { get; init; }
        public double? NotBefore { get; init; }
        public string? Fill { get; init; }
        public long? RelaySourceId { get; init; }
        public double? RelaySeconds { get; init; }
    }

    /// <inheritdoc />
    public Occurrence? FindOccurrence(long occurrenceId)
    {
        using var c = db.Open();
        return c.QuerySingleOrDefault<OccurrenceRow>($"SELECT {OccurrenceColumns} WHERE o.id = @occurrenceId", new { occurrenceId })?.ToOccurrence();
    }

    /// <summary>Occurrences still to claim that start before <paramref name="until"/> and end after <paramref name="after"/>, in start order.</summary>
    public IReadOnlyList<Occurrence> PlannedBetween(DateTimeOffset after, DateTimeOffset until)
    {
        using var c = db.Open();
        return c.Query<OccurrenceRow>($"SELECT {OccurrenceColumns} WHERE a.state IS NULL AND o.start_utc <= @until AND o.end_utc > @after ORDER BY o.start_utc",
            new { after = Instant(after), until = Instant(until) }).Select(r => r.ToOccurrence()).ToList();
    }

    /// <inheritdoc />
    public bool TryTransition(long occurrenceId, OccurrenceState to, DateTimeOffset at)
    {
        using var c = db.Open();
        return c.Execute("""
            INSERT INTO airing_state (occurrence_id, state, changed_at) SELECT id, @state, @at FROM occurrences WHERE id = @occurrenceId
            ON CONFLICT (occurrence_id) DO NOTHING
            """, new { occurrenceId, state = to.ToString(), at = Instant(at) }) == 1;
    }

    /// <inheritdoc />
    public IReadOnlyList<RundownItem> Rundown(long occurrenceId)
    {
        using var c = db.Open();
        return c.Query<ItemRow>("""
                SELECT occurrence_id AS Occ, position AS Position, bulletin_id AS BulletinId, booking_id AS BookingId, not_before_seconds AS NotBefore,
                       fill AS Fill, relay_source_id AS RelaySourceId, relay_seconds AS RelaySeconds
                FROM rundown_items WHERE occurrence_id = @occurrenceId ORDER BY position
                """, new { occurrenceId })
            .Select(r => new RundownItem(r.Occ, (int)r.Position, r.RelaySourceId is null ? r.BulletinId : 0, r.BookingId, r.NotBefore,
                r.Fill is { } f && Enum.TryParse<RundownFill>(f, ignoreCase: true, out var fill) ? fill : null,
                r.RelaySourceId is { } source ? new RelayRundown(source, r.RelaySeconds) : null))
            .ToList();
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<long, RelaySource> RelaySources(IEnumerable<long> ids)
    {
        var list = ids.Distinct().ToArray();
        using var c = db.Open();
        // The manifest carries only a source's name and URL; the hub keeps its history.
        return c.Query<(long Id, string Name, string Url)>("SELECT id, name, url FROM relay_sources WHERE id IN (SELECT value FROM json_each(@ids))",
                new { ids = JsonSerializer.Serialize(list) })
            .ToDictionary(r => r.Id, r => new RelaySource(r.Id, r.Name, r.Url, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<long, Bulletin> Bulletins(IEnumerable<long> bulletinIds)
    {
        var ids = bulletinIds.Distinct().ToArray();
        using var c = db.Open();
        // The manifest only lists items the hub would air (approved, valid that day): the hub checked them.
        var booked = c.Query<(long Id, string Title, string Sha256, long Bytes, double Duration, double Lufs, double Peak, long Frames, long Rate, long Channels)>(
                "SELECT bulletin_id, title, sha256, bytes, duration_seconds, integrated_lufs, true_peak_dbtp, frames, sample_rate, channels FROM rundown_items WHERE relay_source_id IS NULL AND bulletin_id IN (SELECT value FROM json_each(@ids))",
                new { ids = JsonSerializer.Serialize(ids) })
            .DistinctBy(r => r.Id)
            .ToDictionary(r => r.Id, r => new Bulletin
            {
                Id = r.Id, Title = r.Title, OriginalFileName = "", Sha256 = r.Sha256, SizeBytes = r.Bytes, Codec = "",
                Frames = r.Rate > 0 ? r.Frames : (long)Math.Round(r.Duration * 1_000_000), SampleRate = r.Rate > 0 ? (int)r.Rate : 1_000_000,
                Channels = (int)r.Channels, IntegratedLufs = r.Lufs, TruePeakDbtp = r.Peak, Status = BulletinStatus.Approved,
            });
        foreach (var (id, bulletin) in new EvergreenStore(db).Bulletins(ids.Where(id => !booked.ContainsKey(id)).ToList())) booked[id] = bulletin;
        return booked;
    }

    /// <inheritdoc />
    public IReadOnlyList<long> EvergreenBulletins(long communeId) => new EvergreenStore(db).BulletinIds(communeId);

    /// <inheritdoc />
    public BroadcastPolicy PolicyFor(long communeId)
    {
        using var c = db.Open();
        var json = c.QueryFirstOrDefault<string>("SELECT policy_json FROM zones WHERE commune_id = @communeId", new { communeId });
        if (json is null || JsonSerializer.Deserialize<HubPolicy>(json, JsonSerializerOptions.Web) is not { } p) return BroadcastPolicy.Default;
        return new BroadcastPolicy(TimeOnly.ParseExact(p.AllowedFrom, "HH:mm", CultureInfo.InvariantCulture),
            TimeOnly.ParseExact(p.AllowedTo, "HH:mm", CultureInfo.InvariantCulture), IsoWeekdays.FromIso(p.Weekdays), p.MaxSessionMinutes, p.MaxSessionsPerDay);
    }

    /// <inheritdoc />
    public string? ChosenOutput(long zoneId) => null;

    /// <inheritdoc />
    public bool Plays(long zoneId)
    {
        using var c = db.Open();
        return c.ExecuteScalar<long>("SELECT COUNT(*) FROM zones WHERE zone_id = @zoneId", new { zoneId }) > 0
            || c.ExecuteScalar<long>("SELECT COUNT(*) FROM occurrences o JOIN airing_state a ON a.occurrence_id = o.id WHERE o.zone_id = @zoneId", new { zoneId }) > 0;
    }

    /// <inheritdoc />
    public IReadOnlyList<Occurrence> ClaimedEndingAfter(DateTimeOffset endedAfter)
    {
        using var c = db.Open();
        return c.Query<OccurrenceRow>($"SELECT {OccurrenceColumns} WHERE a.state = 'Claimed' AND o.end_utc > @endedAfter ORDER BY o.start_utc",
            new { endedAfter = Instant(endedAfter) }).Select(r => r.ToOccurrence()).ToList();
    }

    /// <inheritdoc />
    public IReadOnlySet<int> RecordedPositions(long occurrenceId)
    {
        using var c = db.Open();
        return c.Query<int>("SELECT position FROM airtime_log WHERE occurrence_id = @occurrenceId", new { occurrenceId }).ToHashSet();
    }

    /// <inheritdoc />
    public void Beat(long occurrenceId, int position, DateTimeOffset itemStartedAt, DateTimeOffset at)
    {
        using var c = db.Open();
        c.Execute("UPDATE airing_state SET progress_position = @position, progress_item_started_at = @started, progress_at = @at WHERE occurrence_id = @occurrenceId",
            new { occurrenceId, position, started = Instant(itemStartedAt), at = Instant(at) });
    }

    /// <inheritdoc />
    public AiringProgress Progress(long occurrenceId)
    {
        using var c = db.Open();
        var row = c.QuerySingleOrDefault<(long? Position, string? Started, string? At, long Resumes)>(
            "SELECT progress_position, progress_item_started_at, progress_at, resume_count FROM airing_state WHERE occurrence_id = @occurrenceId", new { occurrenceId });
        return new AiringProgress((int?)row.Position, row.Started is null ? null : Parse(row.Started), row.At is null ? null : Parse(row.At), (int)row.Resumes);
    }

    /// <inheritdoc />
    public bool TryBeginResume(long occurrenceId, int seenCount)
    {
        using var c = db.Open();
        return c.Execute("UPDATE airing_state SET resume_count = resume_count + 1 WHERE occurrence_id = @occurrenceId AND resume_count = @seenCount",
            new { occurrenceId, seenCount }) == 1;
    }
}
