using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout;
using BroadcastHub.Web.Playout;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static BroadcastHub.Web.Tests.Features.Scheduling.SchedulingHttp;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

[Collection(AppCollection.Name)]
public sealed class CommuneProgrammeApiTests(AppFactory app)
{
    private readonly PlayoutScenario _scenario = new(app);

    [Fact]
    public async Task Evergreen_tops_up_between_the_jingles_and_end_early_drops_the_fill_again()
    {
        var http = new SchedulingHttp(app, await app.CreateApiClientAsync());
        var communeId = await http.CommuneAsync("Xã dự phòng");
        var sessionId = await http.SessionAsync(communeId, "22:00:00", 1);
        var (booked, intro, outro, a, b) = (await _scenario.ApprovedToneAsync(10), await _scenario.ApprovedToneAsync(2),
            await _scenario.ApprovedToneAsync(3), await _scenario.ApprovedToneAsync(20), await _scenario.ApprovedToneAsync(15));
        var playlist = app.Services.GetRequiredService<PlaylistRepository>().Insert("Dự phòng", [a.Id, b.Id], "test");
        await http.BookAsync(new { sessionId, bulletinIds = new[] { booked.Id }, from = Day(1), to = Day(1) });

        var underfill = await http.Client.PutAsJsonAsync($"/api/communes/{communeId}/underfill", new { mode = "evergreen", playlistId = playlist.Id });
        Assert.Equal(HttpStatusCode.OK, underfill.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.Client.PutAsJsonAsync($"/api/communes/{communeId}/jingles", new { introBulletinId = intro.Id, outroBulletinId = outro.Id })).StatusCode);

        // 60 s: intro 2, booked 10 (to 12), evergreen 20 + 15 (to 47; 20 more would pass 60 − 3), outro at 47.
        Assert.Equal([(intro.Id, 0.0, "intro"), (booked.Id, 2.0, null), (a.Id, 12.0, "evergreen"), (b.Id, 32.0, "evergreen"), (outro.Id, 47.0, "outro")],
            await http.RundownAsync(sessionId, Day(1)));
        Assert.True((await http.RundownJsonAsync(sessionId, Day(1))).GetProperty("occurrenceId").GetInt64() > 0);
        var programme = await (await http.Client.GetAsync($"/api/communes/{communeId}/programme")).JsonAsync();
        Assert.Equal(("evergreen", playlist.Id), (programme.GetProperty("underfill").GetString(), programme.GetProperty("playlistId").GetInt64()));

        await http.Client.PutAsJsonAsync($"/api/communes/{communeId}/underfill", new { mode = "endEarly" });
        Assert.Equal([(intro.Id, 0.0, "intro"), (booked.Id, 2.0, null), (outro.Id, 12.0, "outro")], await http.RundownAsync(sessionId, Day(1)));
    }

    [Theory]
    [InlineData("underfill", "{\"mode\":\"silence\"}", "invalid_underfill_mode")]
    [InlineData("underfill", "{\"mode\":\"evergreen\"}", "playlist_required")]
    [InlineData("underfill", "{\"mode\":\"evergreen\",\"playlistId\":987654}", "playlist_not_found")]
    [InlineData("jingles", "{\"introBulletinId\":987654}", "bulletin_not_found")]
    public async Task Bad_programme_settings_are_refused(string route, string body, string code)
    {
        var http = new SchedulingHttp(app, await app.CreateApiClientAsync());
        var communeId = await http.CommuneAsync("Xã cài đặt sai");
        var response = await http.Client.PutAsync($"/api/communes/{communeId}/{route}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        // An id that names nothing is a 404 like everywhere else (one status per code, issue 15).
        Assert.Equal(code.EndsWith("_not_found", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await response.ErrorCodeAsync());
        Assert.Equal(0, http.Scalar("SELECT COUNT(*) FROM commune_programmes WHERE commune_id = @communeId", new { communeId }));
    }

    [Fact]
    public async Task Jingles_air_like_booked_items_and_are_recorded_in_airtime()
    {
        var http = new SchedulingHttp(app, await app.CreateApiClientAsync());
        var communeId = await http.CommuneAsync("Xã nhạc hiệu");
        var start = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddSeconds(4);
        var sessionId = await http.SessionAsync(communeId, start.ToString("HH:mm:ss"), 1);
        var (intro, booked, outro) = (await _scenario.ApprovedToneAsync(0.5), await _scenario.ApprovedToneAsync(1), await _scenario.ApprovedToneAsync(0.5));
        await http.Client.PutAsJsonAsync($"/api/communes/{communeId}/jingles", new { introBulletinId = intro.Id, outroBulletinId = outro.Id });
        await http.BookAsync(new { sessionId, bulletinIds = new[] { booked.Id }, from = start.ToString("yyyy-MM-dd"), mode = "once" });
        var occurrenceId = (await http.RundownJsonAsync(sessionId, start.ToString("yyyy-MM-dd"))).GetProperty("occurrenceId").GetInt64();
        var occ = app.Services.GetRequiredService<OccurrenceRepository>().Find(occurrenceId)!;
        _scenario.Engine.Arm(occ.Id);

        var records = await _scenario.WaitForAirtimeAsync(occ, 3, TimeSpan.FromSeconds(30));
        Assert.Equal([intro.Id, booked.Id, outro.Id], records.Select(r => r.BulletinId));
        Assert.All(records, r => Assert.Equal(AirtimeOutcome.Completed, r.Outcome));
    }
}
