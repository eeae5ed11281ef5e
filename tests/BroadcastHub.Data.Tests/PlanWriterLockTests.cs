using System.Diagnostics;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using Dapper;

namespace BroadcastHub.Data.Tests;

/// <summary>
/// Three maximal bookings' plans are written in short transactions with the lock left free between them, so another
/// writer (airtime) gets in while the plan is being written and never waits long.
/// </summary>
public sealed class PlanWriterLockTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task While_sixty_thousand_rundown_rows_are_written_another_connections_small_writes_get_in_and_each_wait_little()
    {
        var plans = Enumerable.Range(0, 3).SelectMany(n => MaximalBookingPlans(n, occurrences: 366, itemsEach: 54)).ToList();
        using (var c = _db.Database.Open()) c.Execute("CREATE TABLE probe (x INTEGER)");
        var started = Stopwatch.StartNew();
        var writer = Task.Factory.StartNew(() => new OccurrencePlanWriter(_db.Database).UpsertMany(plans), TaskCreationOptions.LongRunning);
        var waits = new List<TimeSpan>();
        using (var probe = _db.Database.Open())
        {
            while (!writer.IsCompleted)
            {
                var watch = Stopwatch.StartNew();
                // Each small write notes how much of the plan was committed when it got the lock.
                probe.Execute("INSERT INTO probe (x) VALUES ((SELECT COUNT(*) FROM rundown_items))");
                waits.Add(watch.Elapsed);
                await Task.Delay(7);
            }
        }
        var ids = await writer;
        var elapsed = started.Elapsed;

        Assert.Equal(3 * 366, ids.Distinct().Count());
        using var check = _db.Database.Open();
        Assert.Equal(3 * 366 * 54, check.ExecuteScalar<long>("SELECT COUNT(*) FROM rundown_items"));
        var detail = $"{waits.Count} probes over {elapsed.TotalMilliseconds:0} ms, longest {waits.Max().TotalMilliseconds:0} ms";
        Assert.True(waits.Max() < TimeSpan.FromMilliseconds(500), "a small write waited too long: " + detail);
        Assert.Contains(check.Query<long>("SELECT x FROM probe"), seen => seen is > 0 and < 3 * 366 * 54);
        Assert.Equal(ids, new OccurrencePlanWriter(_db.Database).UpsertMany(plans));
    }

    private List<PlannedOccurrence> MaximalBookingPlans(int n, int occurrences, int itemsEach)
    {
        var commune = new PlacesRepository(_db.Database, _db.Time).CreateCommune($"Xã {n}", null);
        var session = new SessionRepository(_db.Database, _db.Time).Create(commune.Id, IsoWeekdays.Every, new TimeOnly(5, 30), 60);
        var bulletin = new BulletinRepository(_db.Database).Insert(new Bulletin
        {
            Title = "Tin", OriginalFileName = "a.mp3", Sha256 = new string((char)('a' + n), 64), Codec = "mp3", Frames = 22050, SampleRate = 22050,
            Channels = 1, Status = BulletinStatus.Approved, UploadedAt = _db.Time.GetUtcNow(),
        });
        var first = new DateOnly(2026, 12, 1);
        var booking = new BookingRepository(_db.Database, _db.Time).Create(session.Id, [bulletin.Id], first, first.AddDays(occurrences - 1), "t");
        return Enumerable.Range(0, occurrences).Select(d =>
        {
            var start = new DateTimeOffset(first.AddDays(d), new TimeOnly(5, 30), TimeSpan.FromHours(7));
            return new PlannedOccurrence(session.Id, first.AddDays(d), start, start.AddMinutes(60),
                Enumerable.Range(0, itemsEach).Select(i => new PlannedSlot(bulletin.Id, booking.Id, i, 1, null)).ToList());
        }).ToList();
    }
}
