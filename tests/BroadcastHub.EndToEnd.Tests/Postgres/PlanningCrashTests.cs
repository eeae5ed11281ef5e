using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using Dapper;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.Postgres;

/// <summary>
/// Issue 11: a hub node killed with <c>kill -9</c> in the middle of planning a large horizon (its start-up plan of
/// 600 communes × 3 sessions × 14 days, written in many short transactions) leaves a consistent database: the other
/// node's next plan completes it — every (session, date) planned exactly once with its whole rundown, no orphan rundown
/// row, and every occurrence inside the arming window armed by exactly one pending Hangfire job.
/// </summary>
public sealed class PlanningCrashTests(ITestOutputHelper output)
{
    private const int Communes = 600;
    private const int Days = 14;
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [PostgresFact]
    public async Task A_node_killed_while_planning_leaves_no_half_plan_and_the_next_plan_completes_it_arming_each_occurrence_once()
    {
        // Only the start-up plans run (the recurring one is yearly), so the test knows which node plans when.
        await using var nodes = new TwoNodes(new Dictionary<string, string>
        {
            ["BroadcastHub__PlannerCron"] = "0 0 1 1 *",
            ["BroadcastHub__ArmWindowHours"] = "1",
        });
        await nodes.StartAsync();
        try
        {
            var starts = Seed(nodes.Database);
            await nodes.One.StopAsync();
            var restarting = nodes.One.StartAsync();   // its start-up planner plans the whole horizon before it listens
            var writtenAtKill = await KillWhenPlanningIsHalfWay(nodes, Expected(starts));
            await Assert.ThrowsAnyAsync<Exception>(() => restarting);
            output.WriteLine($"node 1 killed with {writtenAtKill} of {Expected(starts)} occurrences written");

            await nodes.Two.StopAsync();
            await nodes.Two.StartAsync();              // its start-up plan must complete what node 1 left
            AssertConsistent(nodes.Database, Expected(starts));
        }
        finally
        {
            output.WriteLine(nodes.Output);
        }
    }

    /// <summary>600 communes with three daily sessions (the first inside the one-hour arming window, the others hours
    /// later), each booked with two bulletins for <see cref="Days"/> days from today; returns the local start times.</summary>
    private static TimeOnly[] Seed(AppDatabase db)
    {
        var time = TimeProvider.System;
        var (places, sessions, bookings, bulletins) = (new PlacesRepository(db, time), new SessionRepository(db, time),
            new BookingRepository(db, time), new BulletinRepository(db));
        var ids = Enumerable.Range(0, 2).Select(i => bulletins.Insert(new Bulletin
        {
            Title = $"Bản tin {i}", OriginalFileName = "b.mp3", Sha256 = new string((char)('a' + i), 64), Codec = "mp3",
            Frames = 22050L * 60, SampleRate = 22050, Channels = 1, Status = BulletinStatus.Approved, UploadedAt = time.GetUtcNow(),
        }).Id).ToList();
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Zone);
        var starts = new[] { 20, 150, 300 }.Select(m => TimeOnly.FromDateTime(now.DateTime.AddMinutes(m))).Select(t => new TimeOnly(t.Hour, t.Minute)).ToArray();
        var today = DateOnly.FromDateTime(now.DateTime);
        for (var c = 0; c < Communes; c++)
        {
            var commune = places.CreateCommune($"Xã {c}", null);
            foreach (var start in starts)
                bookings.Create(sessions.Create(commune.Id, IsoWeekdays.Every, start, 15).Id, ids, today, today.AddDays(Days - 1), "test");
        }
        return starts;
    }

    /// <summary>Occurrences of the seed still ahead: a session whose time of day has passed today starts tomorrow.</summary>
    private static long Expected(TimeOnly[] starts)
    {
        var now = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Zone).DateTime);
        return Communes * starts.Sum(s => s > now ? Days : Days - 1);
    }

    private static async Task<long> KillWhenPlanningIsHalfWay(TwoNodes nodes, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            using (var c = nodes.Database.Open())
            {
                var written = c.ExecuteScalar<long>("SELECT count(*) FROM occurrences");
                if (written >= expected) throw new InvalidOperationException("planning finished before the kill: seed more communes");
                if (written > expected / 10)
                {
                    await nodes.One.KillAsync();
                    return c.ExecuteScalar<long>("SELECT count(*) FROM occurrences");
                }
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("node 1 did not start planning:\n" + nodes.Output);
    }

    private static void AssertConsistent(AppDatabase database, long expected)
    {
        using var db = database.Open();
        Assert.Equal(expected, db.ExecuteScalar<long>("SELECT count(*) FROM occurrences WHERE state = 'Planned'"));
        Assert.Equal(0, db.ExecuteScalar<long>("""
            SELECT count(*) FROM (SELECT session_id, local_date FROM occurrences GROUP BY session_id, local_date HAVING count(*) > 1) d
            """));
        Assert.Equal(0, db.ExecuteScalar<long>("""
            SELECT count(*) FROM occurrences o
            WHERE (SELECT count(*) FROM rundown_items r WHERE r.occurrence_id = o.id) <> 2
            """));
        Assert.Equal(0, db.ExecuteScalar<long>(
            "SELECT count(*) FROM rundown_items r LEFT JOIN occurrences o ON o.id = r.occurrence_id WHERE o.id IS NULL"));

        var armable = db.Query<(long Id, string? Job)>("""
            SELECT id, arm_job_id FROM occurrences WHERE state = 'Planned' AND start_utc <= @until
            """, new { until = SqlValues.Instant(DateTimeOffset.UtcNow.AddMinutes(50)) }).ToList();
        Assert.Equal(Communes, armable.Count);
        var pending = db.Query<(long Id, string Arguments)>("""
            SELECT id, arguments FROM hangfire.job
            WHERE invocationdata::text LIKE '%ArmOccurrenceJob%' AND statename IN ('Scheduled', 'Enqueued', 'Processing')
            """).ToLookup(j => long.Parse(j.Arguments.Split(',')[^1].Trim(' ', '[', ']', '"')), j => j.Id.ToString());   // (queue, occurrence id)
        Assert.All(armable, o => Assert.Equal(o.Job, Assert.Single(pending[o.Id])));
        Assert.Equal(armable.Count, pending.Count);
    }
}
