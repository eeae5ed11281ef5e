using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.PlanningBench;

/// <summary>
/// The bench's province: six approved bulletins, and per commune three daily sessions (05:30, 11:00, 17:00) each booked
/// with two bulletins for 14 days. With <c>agents</c> every commune's zone is on its own station with an enrolled agent
/// (a station PC in every commune), so the hub creates no arm jobs for them.
/// </summary>
internal static class Seed
{
    public static (List<SessionSlot> Sessions, List<long> Bulletins, DateOnly Today) Province(IServiceProvider provider, int communes, bool agents)
    {
        var places = provider.GetRequiredService<PlacesRepository>();
        var sessions = provider.GetRequiredService<SessionRepository>();
        var bookings = provider.GetRequiredService<BookingRepository>();
        var bulletins = provider.GetRequiredService<BulletinRepository>();
        var stations = provider.GetRequiredService<StationRepository>();
        var enrolled = provider.GetRequiredService<StationAgentRepository>();
        var time = provider.GetRequiredService<TimeProvider>();
        var ids = Enumerable.Range(0, 6).Select(i => bulletins.Insert(new Bulletin
        {
            Title = $"Bản tin {i}", OriginalFileName = "b.mp3", Sha256 = new string((char)('a' + i), 64), Codec = "mp3",
            Frames = 22050L * (120 + 30 * i), SampleRate = 22050, Channels = 1, Status = BulletinStatus.Approved, UploadedAt = time.GetUtcNow(),
        }).Id).ToList();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(7));
        var all = new List<SessionSlot>();
        for (var c = 0; c < communes; c++)
        {
            var commune = places.CreateCommune($"Xã {c}", null);
            if (agents)
            {
                var station = stations.Create($"Trạm {c}")!;
                stations.AssignZone(commune.ZoneId, station.Id);
                enrolled.Enrol(station.Id, $"bench-token-{station.Id}", time.GetUtcNow());
            }
            foreach (var start in new[] { new TimeOnly(5, 30), new TimeOnly(11, 0), new TimeOnly(17, 0) })
            {
                var session = sessions.Create(commune.Id, IsoWeekdays.Every, start, 30);
                all.Add(session);
                bookings.Create(session.Id, [ids[c % 6], ids[(c + 1) % 6]], today, today.AddDays(13), "bench");
            }
        }
        return (all, ids, today);
    }
}
