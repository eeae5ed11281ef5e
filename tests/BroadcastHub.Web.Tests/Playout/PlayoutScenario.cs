using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout;
using BroadcastHub.Web.Features.Library;
using BroadcastHub.Web.Playout;
using BroadcastHub.Web.Services;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Playout;

/// <summary>Seeds a commune, approved tone bulletins and one occurrence with exact instants, straight through the services.</summary>
public sealed class PlayoutScenario(AppFactory app)
{
    private T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    public PlayoutEngine Engine => Get<PlayoutEngine>();

    public Task<Bulletin> ApprovedToneAsync(double seconds, DateOnly? validUntil = null) =>
        ApprovedAsync(ToneWav.Create(seconds, frequency: 300 + Random.Shared.Next(500)), seconds, validUntil);

    public async Task<Bulletin> ApprovedAsync(byte[] wav, double seconds, DateOnly? validUntil = null)
    {
        using var scope = app.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<BulletinService>();
        await using var content = new MemoryStream(wav);
        var bulletin = await service.UploadAsync(content, new UploadRequest($"Tone {seconds}s", "tone.wav", "vi", null, validUntil, AllowDuplicate: true), "test", default);
        return service.Approve(bulletin.Id, "supervisor");
    }

    /// <summary>An occurrence of a fresh commune's session with the given instants and rundown.</summary>
    public Occurrence Occurrence(DateTimeOffset start, DateTimeOffset end, params Bulletin[] rundown) =>
        OccurrenceInCommune(Get<PlacesRepository>().CreateCommune("Xã " + Guid.NewGuid().ToString("N")[..6], null).Id, start, end, rundown);

    /// <summary>An occurrence in an existing commune, with the given instants and rundown.</summary>
    public Occurrence OccurrenceInCommune(long communeId, DateTimeOffset start, DateTimeOffset end, params Bulletin[] rundown)
    {
        var session = Get<SessionRepository>().Create(communeId, IsoWeekdays.Every, new TimeOnly(5, 30), 30);
        var date = DateOnly.FromDateTime(start.UtcDateTime.AddHours(7));
        // The booking row only anchors the rundown; it lies far outside the horizon so the planner never re-plans
        // these hand-made occurrences (their instants are finer than a session's minute grid).
        var anchor = new DateOnly(2099, 1, 1);
        var booking = Get<BookingRepository>().Create(session.Id, rundown.Select(b => b.Id).ToList(), anchor, anchor, "test");
        var occurrences = Get<OccurrenceRepository>();
        var id = occurrences.Upsert(new PlannedOccurrence(session.Id, date, start, end,
            rundown.Select(b => new PlannedSlot(b.Id, booking.Id, 0, b.DurationSeconds, null)).ToList()));
        return occurrences.Find(id)!;
    }

    public IReadOnlyList<AirtimeRecord> Airtime(Occurrence occ) =>
        Get<AirtimeRepository>().Query(occ.StartUtc.AddDays(-1), occ.StartUtc.AddDays(1)).Where(r => r.OccurrenceId == occ.Id).ToList();

    public async Task<IReadOnlyList<AirtimeRecord>> WaitForAirtimeAsync(Occurrence occ, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var records = Airtime(occ);
            if (records.Count >= count) return records.OrderBy(r => r.Position).ToList();
            await Task.Delay(100);
        }
        throw new TimeoutException($"expected {count} airtime records for occurrence {occ.Id}, found {Airtime(occ).Count}");
    }

    public async Task WaitUntilPlayingAsync(long zoneId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Engine.Playing.ContainsKey(zoneId))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"zone {zoneId} never started playing");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Waits in real time until the zone's output has taken the first samples of its rundown. On a fake clock, tests
    /// keep the clock still until then, so the instants the engine stamps are exactly the ones the test set, however
    /// slow the machine.
    /// </summary>
    public async Task WaitUntilOnAirAsync(long zoneId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(Engine.Playing.TryGetValue(zoneId, out var playing) && playing.Rundown.StartFrameOf(0) >= 0))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"zone {zoneId} never went on air");
            await Task.Delay(10);
        }
    }
}
