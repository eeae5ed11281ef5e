using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Library;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Users;
using BroadcastHub.Web.Tests.Features.Playlists;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Security;

/// <summary>
/// Two units side by side: A (with a sub-unit A1 and its commune) and B (with a commune, session, bookings, bulletins,
/// a playlist, airtime and a user). Every name of B starts with <see cref="Marker"/>, so a response that leaks any of
/// B's data contains it.
/// </summary>
public sealed class ScopeWorld
{
    public const string Password = "Scope-Test-Pass-1";
    public static readonly DateOnly AiredOn = new(2026, 3, 2);

    public required string Marker { get; init; }
    public required long UnitA { get; init; }
    public required long CommuneA { get; init; }
    public required long SessionA { get; init; }
    public required long UnitB { get; init; }
    public required long CommuneB { get; init; }
    public required long ZoneB { get; init; }
    public required long SessionB { get; init; }
    public required long BookingB { get; init; }
    public required long PendingB { get; init; }
    public required long ApprovedB { get; init; }
    public required long PlaylistB { get; init; }
    public required long UserB { get; init; }
    public required long TokenB { get; init; }
    /// <summary>B's airtime record (its recording route must answer 404 to A).</summary>
    public required long AiredB { get; init; }
    /// <summary>An approved organisation-wide bulletin with real audio: visible to A, bookable and airable.</summary>
    public required long SharedBulletin { get; init; }
    /// <summary>An administrator of unit A (every role check passes, so only the scope can refuse).</summary>
    public required string AdminA { get; init; }

    public static async Task<ScopeWorld> SeedAsync(AppFactory app)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var marker = "ScopeB" + tag;
        using var admin = await app.CreateApiClientAsync();
        async Task<System.Text.Json.JsonElement> Post(string url, object body)
        {
            var response = await admin.PostAsJsonAsync(url, body);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return await response.JsonAsync();
        }
        var unitA = (await Post("/api/units", new { name = "ScopeA unit " + tag })).GetProperty("id").GetInt64();
        var unitA1 = (await Post("/api/units", new { name = "ScopeA sub-unit " + tag, parentUnitId = unitA })).GetProperty("id").GetInt64();
        var unitB = (await Post("/api/units", new { name = marker + " unit" })).GetProperty("id").GetInt64();
        var communeA = (await Post("/api/communes", new { name = "ScopeA commune " + tag, parentUnitId = unitA1 })).GetProperty("id").GetInt64();
        var communeB = await Post("/api/communes", new { name = marker + " commune", parentUnitId = unitB });
        var session = new { weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start = "05:30", lengthMinutes = 30 };
        var sessionA = (await Post("/api/sessions", new { communeId = communeA, session.weekdays, session.start, session.lengthMinutes })).GetProperty("id").GetInt64();
        var sessionB = (await Post("/api/sessions", new { communeId = communeB.GetProperty("id").GetInt64(), session.weekdays, session.start, session.lengthMinutes }))
            .GetProperty("id").GetInt64();

        var services = app.Services;
        var accounts = services.GetRequiredService<AccountService>();
        var userB = accounts.CreateUser(marker.ToLowerInvariant() + "-op", Password, Roles.Operator, unitB);
        var (tokenB, _) = accounts.IssueToken(userB, "scope");
        var adminA = "scopea-admin-" + tag;
        accounts.CreateUser(adminA, Password, Roles.Admin, unitA);

        var shared = await app.BulletinAsync(LibrarySeed.Unique("ScopeShared"));
        var bulletins = services.GetRequiredService<BulletinRepository>();
        // B's bulletins point at real stored audio (content-addressed), so only the scope can keep it from A.
        Bulletin Row(string title, BulletinStatus status) => bulletins.Insert(shared with
        {
            Id = 0, Title = title, OriginalFileName = marker + ".wav", Status = status, UploadedBy = userB.UserName, OwnerUnitId = unitB,
            ReviewedBy = null, ReviewedAt = null,
        });
        var pending = Row(marker + " pending bulletin", BulletinStatus.PendingApproval);
        var approved = Row(marker + " approved bulletin", BulletinStatus.Approved);

        var anchor = new DateOnly(2099, 1, 1);
        var booking = services.GetRequiredService<BookingRepository>().Create(sessionB, [approved.Id], anchor, anchor, userB.UserName);
        var playlist = services.GetRequiredService<PlaylistRepository>().Insert(marker + " playlist", [approved.Id], userB.UserName);
        var tokens = services.GetRequiredService<TokenRepository>();
        var tokenId = tokens.ListLive(userB.Id).Single().Id;
        var airedB = AirOnce(services, sessionB, approved.Id, booking.Id);

        return new ScopeWorld
        {
            Marker = marker, UnitA = unitA, CommuneA = communeA, SessionA = sessionA, UnitB = unitB,
            CommuneB = communeB.GetProperty("id").GetInt64(), ZoneB = communeB.GetProperty("zoneId").GetInt64(), SessionB = sessionB,
            BookingB = booking.Id, PendingB = pending.Id, ApprovedB = approved.Id, PlaylistB = playlist.Id, UserB = userB.Id,
            TokenB = tokenId, SharedBulletin = shared.Id, AdminA = adminA, AiredB = airedB,
        };
    }

    /// <summary>One aired item of B's session on <see cref="AiredOn"/>, so the airtime log has B's data to leak.</summary>
    private static long AirOnce(IServiceProvider services, long sessionId, long bulletinId, long bookingId)
    {
        var start = new DateTimeOffset(AiredOn.ToDateTime(new TimeOnly(5, 30)), TimeSpan.FromHours(7));
        var occurrences = services.GetRequiredService<OccurrenceRepository>();
        var id = occurrences.Upsert(new PlannedOccurrence(sessionId, AiredOn, start, start.AddMinutes(30),
            [new PlannedSlot(bulletinId, bookingId, 0, 60, null)]));
        Assert.True(services.GetRequiredService<AirtimeRepository>().TryAppend(new AirtimeRecord
        {
            OccurrenceId = id, Position = 0, BulletinId = bulletinId, ScheduledStart = start, ActualStart = start,
            ActualEnd = start.AddSeconds(60), PlayedSeconds = 60, Outcome = AirtimeOutcome.Completed, RecordedAt = start.AddSeconds(60),
        }));
        return services.GetRequiredService<AirtimeRepository>().Query(start.AddMinutes(-1), start.AddMinutes(1))
            .Single(r => r.OccurrenceId == id).Id;
    }
}
