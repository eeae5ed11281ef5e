using System.Globalization;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Data;
using Npgsql;

namespace BroadcastHub.QueryBench;

/// <summary>
/// The airtime database of a national hub on PostgreSQL: <see cref="Provinces"/> provinces × <see cref="CentresPerProvince"/>
/// centres × <see cref="CommunesPerCentre"/> communes (200 communes a province), two sessions a day per commune, four
/// items per occurrence, the outcome mix of <see cref="AirtimeDataset"/>, and a hash-chained airtime log of the requested
/// size ending on <see cref="AirtimeDataset.LastDay"/>. Loaded with COPY over three connections at once (occurrences,
/// rundown items, airtime), with foreign-key and user triggers off for the load (<c>session_replication_role =
/// replica</c>, so the role must be a superuser, as on the throw-away cluster of tests/postgres.sh), then VACUUMed and ANALYZEd.
/// </summary>
public sealed class PostgresAirtimeDataset(AppDatabase db, string connectionString, long rows)
{
    public const int Provinces = 10, CentresPerProvince = 10, CommunesPerCentre = 20, ItemsPerOccurrence = 4, Bulletins = 500;
    private static readonly TimeOnly[] Sessions = [new(5, 30), new(17, 0)];
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public int Communes => Provinces * CentresPerProvince * CommunesPerCentre;
    public int Days => (int)Math.Ceiling(rows / (double)(Communes * Sessions.Length * ItemsPerOccurrence));
    public DateOnly FirstDay => AirtimeDataset.LastDay.AddDays(1 - Days);

    /// <summary>Unit ids: 1 the ministry, 2 … 11 the provinces, then the centres.</summary>
    public static long ProvinceId(int p) => 2 + p;

    public static long CentreId(int p, int u) => 2 + Provinces + p * CentresPerProvince + u;

    public void Build()
    {
        Migrator.Migrate(db);
        var now = SqlValues.Instant(new DateTimeOffset(AirtimeDataset.LastDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        using (var places = Open())
        {
            using (var units = Writer(places, "units (id, name, parent_unit_id, created_at)"))
            {
                Row(units, 1, "Bộ", null, now);
                for (var p = 0; p < Provinces; p++) Row(units, ProvinceId(p), $"Tỉnh {p + 1}", 1, now);
                for (var p = 0; p < Provinces; p++)
                for (var u = 0; u < CentresPerProvince; u++) Row(units, CentreId(p, u), $"Trung tâm {p + 1}-{u + 1}", ProvinceId(p), now);
            }
            using (var communes = Writer(places, "communes (id, name, parent_unit_id, created_at)"))
                for (var k = 0; k < Communes; k++) Row(communes, k + 1, $"Xã {k + 1}", CentreId(k / (CentresPerProvince * CommunesPerCentre), k / CommunesPerCentre % CentresPerProvince), now);
            using (var zones = Writer(places, "zones (id, commune_id, name)"))
                for (var k = 0; k < Communes; k++) Row(zones, k + 1, k + 1, "z");
            using (var sessions = Writer(places, "sessions (id, commune_id, weekdays_mask, start_local, length_minutes, created_at)"))
                for (var k = 0; k < Communes; k++)
                for (var s = 0; s < Sessions.Length; s++) Row(sessions, k * Sessions.Length + s + 1, k + 1, 127, SqlValues.Time(Sessions[s]), 30, now);
            using (var bulletins = Writer(places, """
                       bulletins (id, title, language, original_file_name, sha256, size_bytes, codec, frames, sample_rate, channels,
                           integrated_lufs, true_peak_dbtp, status, uploaded_at, uploaded_by)
                       """))
                for (var b = 1; b <= Bulletins; b++)
                    Row(bulletins, b, $"Bản tin số {b}", "vi", "b.mp3", b.ToString("x64", CultureInfo.InvariantCulture), 1, "mp3", 1323000, 44100, 1, -16.0, -1.0, "Approved", now, "bench");
        }
        WriteLog();
        using var c = Open();
        foreach (var table in new[] { "units", "communes", "zones", "sessions", "bulletins", "occurrences", "airtime" })
            new NpgsqlCommand($"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))", c).ExecuteNonQuery();
        // The load bypassed the triggers (session_replication_role = replica): set the airtime lead as its trigger would have.
        new NpgsqlCommand(
            """
            UPDATE airtime_lead SET (min_seconds, max_seconds) = (SELECT min(d), max(d) FROM (
                SELECT extract(epoch FROM a.scheduled_start::timestamptz - o.start_utc::timestamptz)::double precision AS d
                FROM airtime a JOIN occurrences o ON o.id = a.occurrence_id) x)
            """, c) { CommandTimeout = 0 }.ExecuteNonQuery();
        // The occurrence tally too (migration 0034's back-fill, the same function).
        new NpgsqlCommand("SELECT bh_rebuild_occurrence_tally()", c) { CommandTimeout = 0 }.ExecuteNonQuery();
        // What autovacuum does soon after a bulk load: statistics, and the visibility map that lets index-only scans skip the heap.
        new NpgsqlCommand("VACUUM (ANALYZE)", c) { CommandTimeout = 0 }.ExecuteNonQuery();
    }

    private void WriteLog()
    {
        using var oc = Open();
        using var ic = Open();
        using var ac = Open();
        using var occurrences = Writer(oc, "occurrences (id, session_id, zone_id, kind, local_date, start_utc, end_utc, state)");
        using var items = Writer(ic, "rundown_items (occurrence_id, position, bulletin_id)");
        using var airtime = Writer(ac, """
            airtime (id, occurrence_id, position, bulletin_id, scheduled_start, actual_start, actual_end, played_seconds,
                outcome, error, recorded_at, prev_hash, hash)
            """);
        var random = new Random(42);
        long occurrenceId = 0, airtimeId = 0;
        var prev = AirtimeChain.Genesis;
        for (var day = FirstDay; day <= AirtimeDataset.LastDay && airtimeId < rows; day = day.AddDays(1))
        for (var s = 0; s < Sessions.Length; s++)
        for (var k = 0; k < Communes && airtimeId < rows; k++)
        {
            var start = new DateTimeOffset(day.ToDateTime(Sessions[s]), Offset).ToUniversalTime();
            Row(occurrences, ++occurrenceId, k * Sessions.Length + s + 1, k + 1, "session", SqlValues.Date(day), SqlValues.Instant(start),
                SqlValues.Instant(start.AddMinutes(30)), "Claimed");
            for (var p = 0; p < ItemsPerOccurrence && airtimeId < rows; p++)
            {
                var bulletin = random.Next(1, Bulletins + 1);
                Row(items, occurrenceId, p, bulletin);
                var (outcome, seconds, late) = AirtimeDataset.Outcome(random);
                var scheduled = start.AddMinutes(p * 5);
                var began = seconds > 0 ? scheduled.AddSeconds(late) : (DateTimeOffset?)null;
                var entry = new AirtimeChainEntry(++airtimeId, occurrenceId, p, bulletin, SqlValues.Instant(scheduled), SqlValues.Instant(began),
                    SqlValues.Instant(began?.AddSeconds(seconds)), seconds, outcome.ToString(), outcome is AirtimeOutcome.Failed ? "output failed: device gone" : null,
                    SqlValues.Instant(scheduled.AddSeconds(late + seconds + 0.01)));
                var hash = AirtimeChain.Hash(entry, prev);
                Row(airtime, entry.Id, entry.OccurrenceId, entry.Position, entry.BulletinId, entry.ScheduledStart, entry.ActualStart, entry.ActualEnd,
                    entry.PlayedSeconds, entry.Outcome, entry.Error, entry.RecordedAt, prev, hash);
                prev = hash;
            }
        }
    }

    private NpgsqlConnection Open()
    {
        var c = new NpgsqlConnection(connectionString);
        c.Open();
        new NpgsqlCommand("SET session_replication_role = replica", c).ExecuteNonQuery();
        return c;
    }

    private static TextWriter Writer(NpgsqlConnection c, string tableAndColumns) => c.BeginTextImport($"COPY {tableAndColumns} FROM STDIN");

    /// <summary>One line of COPY's text format (the values never hold tabs, newlines or backslashes).</summary>
    private static void Row(TextWriter w, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0) w.Write('\t');
            w.Write(values[i] switch
            {
                null => @"\N",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString(),
            });
        }
        w.Write('\n');
    }
}
