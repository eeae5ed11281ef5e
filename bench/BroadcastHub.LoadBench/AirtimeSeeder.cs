using BroadcastHub.Core.Airtime;
using BroadcastHub.Data;
using Dapper;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BroadcastHub.LoadBench;

/// <summary>
/// The API cannot create airtime, so the history before today is written straight into the app's SQLite file while
/// the app is stopped: for every session and past day a Claimed occurrence, its rundown and one airtime record per
/// item, appended to the hash chain exactly as the app does (<see cref="AirtimeChain"/>), so /api/airtime/verify
/// still answers intact.
/// </summary>
public static class AirtimeSeeder
{
    private sealed record SessionRow(long Id, long ZoneId, string StartLocal);

    private sealed record BulletinRow(long Id, long Frames, long SampleRate);

    public static int Seed(string databaseFile, DateOnly today, int days, TimeZoneInfo zone)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = false }.ToString());
        c.Open();
        c.Execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;");
        return Seed(c, today, days, zone);
    }

    /// <summary>The same history in the PostgreSQL database of the hub nodes (explicit airtime ids, so the identity
    /// sequences are moved past them afterwards).</summary>
    public static int SeedPostgres(string connectionString, DateOnly today, int days, TimeZoneInfo zone)
    {
        using var c = new NpgsqlConnection(connectionString);
        c.Open();
        var rows = Seed(c, today, days, zone);
        foreach (var table in new[] { "occurrences", "airtime" })
            c.Execute($"SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST((SELECT max(id) FROM {table}), 1))");
        return rows;
    }

    private static int Seed(DbConnection c, DateOnly today, int days, TimeZoneInfo zone)
    {
        var sessions = c.Query<SessionRow>(
            "SELECT s.id AS Id, z.id AS ZoneId, s.start_local AS StartLocal FROM sessions s JOIN zones z ON z.commune_id = s.commune_id ORDER BY s.start_local, s.id").ToList();
        var bulletins = c.Query<BulletinRow>("SELECT id AS Id, frames AS Frames, sample_rate AS SampleRate FROM bulletins WHERE status = 'Approved' ORDER BY id").ToList();
        var prev = c.ExecuteScalar<string?>("SELECT hash FROM airtime WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1") ?? AirtimeChain.Genesis;
        var nextId = c.ExecuteScalar<long>("SELECT coalesce(max(id), 0) FROM airtime");
        var random = new Random(42);
        var rows = 0;
        // One transaction a day: on PostgreSQL every statement bumps the change counter's single row, and one transaction
        // bumping it tens of thousands of times rescans its own row versions each time (minutes instead of seconds).
        for (var day = today.AddDays(-days); day < today; day = day.AddDays(1))
        {
            using var t = c.BeginTransaction();
            rows += SeedDay(c, t, day, sessions, bulletins, zone, random, ref prev, ref nextId);
            t.Commit();
        }
        return rows;
    }

    private static int SeedDay(DbConnection c, DbTransaction t, DateOnly day, List<SessionRow> sessions, List<BulletinRow> bulletins, TimeZoneInfo zone,
        Random random, ref string prev, ref long nextId)
    {
        var rows = 0;
        foreach (var session in sessions)
        {
            var local = day.ToDateTime(TimeOnly.Parse(session.StartLocal, System.Globalization.CultureInfo.InvariantCulture));
            var start = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            var occurrence = c.ExecuteScalar<long>("""
                INSERT INTO occurrences (session_id, zone_id, kind, local_date, start_utc, end_utc, state, claimed_at)
                VALUES (@session, @zoneId, 'session', @date, @start, @end, 'Claimed', @claimed) RETURNING id
                """, new
            {
                session = session.Id, zoneId = session.ZoneId, date = SqlValues.Date(day), start = SqlValues.Instant(start),
                end = SqlValues.Instant(start.AddMinutes(30)), claimed = SqlValues.Instant(start.AddMinutes(-5)),
            }, t);
            var offset = 0.0;
            for (var p = 0; p < ApiSeeder.BulletinsPerBooking; p++)
            {
                var bulletin = bulletins[(int)((session.Id + p * 7) % bulletins.Count)];
                var length = bulletin.Frames / (double)bulletin.SampleRate;
                c.Execute("INSERT INTO rundown_items (occurrence_id, position, bulletin_id) VALUES (@occurrence, @p, @b)",
                    new { occurrence, p, b = bulletin.Id }, t);
                var scheduled = start.AddSeconds(offset);
                offset += length;
                var (outcome, played, late) = Outcome(random, length);
                DateTimeOffset? began = played > 0 ? scheduled.AddSeconds(late) : null;
                var entry = new AirtimeChainEntry(++nextId, occurrence, p, bulletin.Id, SqlValues.Instant(scheduled), SqlValues.Instant(began),
                    SqlValues.Instant(began?.AddSeconds(played)), played, outcome.ToString(),
                    outcome is AirtimeOutcome.Failed ? "output failed: device gone" : null, SqlValues.Instant(scheduled.AddSeconds(late + played + 0.01)));
                var hash = AirtimeChain.Hash(entry, prev);
                c.Execute("""
                    INSERT INTO airtime (id, occurrence_id, position, bulletin_id, scheduled_start, actual_start, actual_end, played_seconds,
                        outcome, error, recorded_at, prev_hash, hash)
                    VALUES (@Id, @OccurrenceId, @Position, @BulletinId, @ScheduledStart, @ActualStart, @ActualEnd, @PlayedSeconds,
                        @Outcome, @Error, @RecordedAt, @prev, @hash)
                    """, new
                {
                    entry.Id, entry.OccurrenceId, entry.Position, entry.BulletinId, entry.ScheduledStart, entry.ActualStart, entry.ActualEnd,
                    entry.PlayedSeconds, entry.Outcome, entry.Error, entry.RecordedAt, prev, hash,
                }, t);
                prev = hash;
                rows++;
            }
        }
        return rows;
    }

    private static (AirtimeOutcome, double Played, double Late) Outcome(Random random, double length) => random.Next(100) switch
    {
        < 88 => (AirtimeOutcome.Completed, length, random.NextDouble() * 0.02),
        < 92 => (AirtimeOutcome.Late, length, 1 + random.NextDouble() * 30),
        < 95 => (AirtimeOutcome.Missed, 0, 0),
        < 97 => (AirtimeOutcome.Truncated, length / 2, 0),
        < 98 => (AirtimeOutcome.Preempted, length / 3, 0),
        < 99 => (AirtimeOutcome.Failed, 0, 0),
        _ => (AirtimeOutcome.Interrupted, length / 4, 0),
    };
}
