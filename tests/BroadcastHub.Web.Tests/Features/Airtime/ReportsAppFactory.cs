using System.Net.Http.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Airtime;
using BroadcastHub.Web.Features.Audit;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Airtime;

/// <summary>The app with the reports and the audit log registered (a no-op once the composition root registers them).</summary>
public class ReportsAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddAirtime().AddAudit());
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>POSTs <paramref name="body"/> to <paramref name="url"/> as <paramref name="admin"/> and returns the new id.</summary>
    public static async Task<long> CreateAsync(HttpClient admin, string url, object body) =>
        (await (await admin.PostAsJsonAsync(url, body)).JsonAsync()).GetProperty("id").GetInt64();

    /// <summary>A new supervisor of <paramref name="unitId"/> (name prefixed <paramref name="prefix"/>) and an API client signed in as it.</summary>
    public async Task<(string Name, HttpClient Client)> SupervisorAsync(string prefix, long unitId)
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..6];
        Get<AccountService>().CreateUser(name, SupervisorPassword, Roles.Supervisor, unitId);
        return (name, await CreateApiClientAsync(name, SupervisorPassword));
    }

    /// <summary>The password of the users <see cref="SupervisorAsync"/> creates.</summary>
    public const string SupervisorPassword = "User-Test-Pass-1";

    /// <summary>An approved bulletin row with a title, straight into the repository (no audio needed for reports).</summary>
    public Bulletin Bulletin(string title, BulletinStatus status = BulletinStatus.Approved, long? ownerUnitId = null) => Get<BulletinRepository>().Insert(new Bulletin
    {
        Title = title, OwnerUnitId = ownerUnitId, OriginalFileName = "tin.mp3", Sha256 = new string('b', 64), Codec = "mp3", Frames = 22050 * 60,
        SampleRate = 22050, Channels = 1, Status = status, UploadedAt = DateTimeOffset.UnixEpoch,
    });

    /// <summary>
    /// An occurrence of a new session of the commune at a past instant with one item per bulletin. The booking row lies
    /// in 2099 so the planner never touches it.
    /// </summary>
    public Occurrence Occurrence(long communeId, DateTimeOffset start, params Bulletin[] rundown)
    {
        var session = Get<SessionRepository>().Create(communeId, IsoWeekdays.Every, new TimeOnly(5, 30), 60);
        var anchor = new DateOnly(2099, 1, 1);
        var booking = Get<BookingRepository>().Create(session.Id, rundown.Select(b => b.Id).ToList(), anchor, anchor, "test");
        var id = Get<OccurrenceRepository>().Upsert(new PlannedOccurrence(session.Id, DateOnly.FromDateTime(start.UtcDateTime.AddHours(7)),
            start, start.AddHours(1), rundown.Select((b, i) => new PlannedSlot(b.Id, booking.Id, i * 60, 60, null)).ToList()));
        return Get<OccurrenceRepository>().Find(id)!;
    }

    /// <summary>Records the outcome of one item; played seconds 60 for full airings, 20 for cut ones, 0 otherwise.</summary>
    public void Aired(Occurrence occ, int position, AirtimeOutcome outcome, string? error = null)
    {
        var seconds = outcome switch
        {
            AirtimeOutcome.Completed or AirtimeOutcome.Late => 60.0,
            AirtimeOutcome.Truncated or AirtimeOutcome.Preempted or AirtimeOutcome.Interrupted => 20.0,
            _ => 0.0,
        };
        var start = occ.StartUtc.AddMinutes(position).AddSeconds(outcome == AirtimeOutcome.Late ? 5 : 0);
        Assert.True(Get<AirtimeRepository>().TryAppend(new AirtimeRecord
        {
            OccurrenceId = occ.Id, Position = position, BulletinId = Get<OccurrenceRepository>().Rundown(occ.Id)[position].BulletinId,
            ScheduledStart = occ.StartUtc.AddMinutes(position), ActualStart = seconds > 0 ? start : null,
            ActualEnd = seconds > 0 ? start.AddSeconds(seconds) : null, PlayedSeconds = seconds, Outcome = outcome, Error = error,
            RecordedAt = start.AddSeconds(seconds),
        }));
    }
}

[CollectionDefinition(Name)]
public sealed class ReportsCollection : ICollectionFixture<ReportsAppFactory>
{
    public const string Name = "reports";
}
