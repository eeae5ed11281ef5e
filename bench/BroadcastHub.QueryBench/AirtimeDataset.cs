using System.Globalization;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BroadcastHub.QueryBench;

/// <summary>
/// Builds a realistic airtime database: a province with centres and communes, two sessions a day per commune, four
/// items per occurrence, a mix of outcomes, and a hash-chained airtime log of the requested size, ending on
/// <see cref="LastDay"/>. Written in bulk (one transaction, prepared commands) through the real migrations.
/// </summary>
public sealed class AirtimeDataset(AppDatabase db, int rows)
{
    public const int Centres = 10, CommunesPerCentre = 15, ItemsPerOccurrence = 4, Bulletins = 500;
    public static readonly DateOnly LastDay = new(2026, 11, 26);
    private static readonly TimeOnly[] Sessions = [new(5, 30), new(17, 0)];
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public int Communes => Centres * CommunesPerCentre;
    public int Days => (int)Math.Ceiling(rows / (double)(Communes * Sessions.Length * ItemsPerOccurrence));
    public DateOnly FirstDay => LastDay.AddDays(1 - Days);

    public void Build()
    {
        Migrator.Migrate(db);
        using var c = (SqliteConnection)db.Open();   // the bench seeds SQLite only
        c.Execute("PRAGMA synchronous = OFF;");
        using var t = c.BeginTransaction();
        var now = SqlValues.Instant(new DateTimeOffset(LastDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var province = c.ExecuteScalar<long>("INSERT INTO units (name, parent_unit_id, created_at) VALUES ('Tỉnh', NULL, @now) RETURNING id", new { now }, t);
        var sessions = new List<(long Id, long ZoneId, TimeOnly Start)>();
        for (var u = 0; u < Centres; u++)
        {
            var centre = c.ExecuteScalar<long>("INSERT INTO units (name, parent_unit_id, created_at) VALUES (@name, @province, @now) RETURNING id",
                new { name = $"Trung tâm {u + 1}", province, now }, t);
            for (var k = 0; k < CommunesPerCentre; k++)
            {
                var commune = c.ExecuteScalar<long>("INSERT INTO communes (name, parent_unit_id, created_at) VALUES (@name, @centre, @now) RETURNING id",
                    new { name = $"Xã {u + 1}-{k + 1}", centre, now }, t);
                var zone = c.ExecuteScalar<long>("INSERT INTO zones (commune_id, name) VALUES (@commune, 'z') RETURNING id", new { commune }, t);
                foreach (var start in Sessions)
                    sessions.Add((c.ExecuteScalar<long>(
                        "INSERT INTO sessions (commune_id, weekdays_mask, start_local, length_minutes, created_at) VALUES (@commune, 127, @start, 30, @now) RETURNING id",
                        new { commune, start = SqlValues.Time(start), now }, t), zone, start));
            }
        }
        for (var b = 1; b <= Bulletins; b++)
            c.Execute("""
                INSERT INTO bulletins (title, language, original_file_name, sha256, size_bytes, codec, frames, sample_rate, channels,
                    integrated_lufs, true_peak_dbtp, status, uploaded_at, uploaded_by)
                VALUES (@title, 'vi', 'b.mp3', @sha, 1, 'mp3', 1323000, 44100, 1, -16, -1, 'Approved', @now, 'bench')
                """, new { title = $"Bản tin số {b}", sha = b.ToString("x64", CultureInfo.InvariantCulture), now }, t);
        WriteOccurrences(c, t, sessions);
        t.Commit();
    }

    private void WriteOccurrences(SqliteConnection c, SqliteTransaction t, List<(long Id, long ZoneId, TimeOnly Start)> sessions)
    {
        using var occurrence = Command(c, t, "INSERT INTO occurrences (id, session_id, zone_id, kind, local_date, start_utc, end_utc, state) VALUES ($1, $2, $3, 'session', $4, $5, $6, 'Claimed')", 6);
        using var item = Command(c, t, "INSERT INTO rundown_items (occurrence_id, position, bulletin_id) VALUES ($1, $2, $3)", 3);
        using var airtime = Command(c, t, """
            INSERT INTO airtime (id, occurrence_id, position, bulletin_id, scheduled_start, actual_start, actual_end, played_seconds,
                outcome, error, recorded_at, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            """, 13);
        var random = new Random(42);
        long occurrenceId = 0, airtimeId = 0;
        var prev = AirtimeChain.Genesis;
        for (var day = FirstDay; day <= LastDay && airtimeId < rows; day = day.AddDays(1))
        foreach (var (sessionId, zoneId, startLocal) in sessions.OrderBy(s => s.Start).ThenBy(s => s.Id))
        {
            if (airtimeId >= rows) break;
            var start = new DateTimeOffset(day.ToDateTime(startLocal), Offset).ToUniversalTime();
            Run(occurrence, ++occurrenceId, sessionId, zoneId, SqlValues.Date(day), SqlValues.Instant(start), SqlValues.Instant(start.AddMinutes(30)));
            for (var p = 0; p < ItemsPerOccurrence && airtimeId < rows; p++)
            {
                var bulletin = random.Next(1, Bulletins + 1);
                Run(item, occurrenceId, p, bulletin);
                var (outcome, seconds, late) = Outcome(random);
                var scheduled = start.AddMinutes(p * 5);
                var began = seconds > 0 ? scheduled.AddSeconds(late) : (DateTimeOffset?)null;
                var entry = new AirtimeChainEntry(++airtimeId, occurrenceId, p, bulletin, SqlValues.Instant(scheduled), SqlValues.Instant(began),
                    SqlValues.Instant(began?.AddSeconds(seconds)), seconds, outcome.ToString(), outcome is AirtimeOutcome.Failed ? "output failed: device gone" : null,
                    SqlValues.Instant(scheduled.AddSeconds(late + seconds + 0.01)));
                var hash = AirtimeChain.Hash(entry, prev);
                Run(airtime, entry.Id, entry.OccurrenceId, entry.Position, entry.BulletinId, entry.ScheduledStart, entry.ActualStart, entry.ActualEnd,
                    entry.PlayedSeconds, entry.Outcome, entry.Error, entry.RecordedAt, prev, hash);
                prev = hash;
            }
        }
    }

    internal static (AirtimeOutcome, double Seconds, double Late) Outcome(Random random) => random.Next(100) switch
    {
        < 85 => (AirtimeOutcome.Completed, 240 + random.Next(60), random.NextDouble() * 0.02),
        < 90 => (AirtimeOutcome.Late, 240 + random.Next(60), 1 + random.NextDouble() * 30),
        < 93 => (AirtimeOutcome.Missed, 0, 0),
        < 95 => (AirtimeOutcome.Truncated, 100 + random.Next(100), 0),
        < 97 => (AirtimeOutcome.Preempted, random.Next(1, 200), 0),
        < 98 => (AirtimeOutcome.Failed, 0, 0),
        < 99 => (AirtimeOutcome.Interrupted, random.Next(1, 200), 0),
        _ => (AirtimeOutcome.Skipped, 0, 0),
    };

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction t, string sql, int parameters)
    {
        var command = c.CreateCommand();
        command.Transaction = t;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++) command.Parameters.Add(new SqliteParameter("$" + i.ToString(CultureInfo.InvariantCulture), null));
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }
}
