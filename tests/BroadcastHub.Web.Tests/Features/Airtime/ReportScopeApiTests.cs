using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Airtime;

[Collection(ReportsCollection.Name)]
public sealed class ReportScopeApiTests(ReportsAppFactory app)
{
    private static readonly DateTimeOffset Morning = new(2026, 5, 4, 5, 30, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_user_of_a_unit_sees_its_subtree_only_and_another_unit_is_not_found()
    {
        var admin = await app.CreateApiClientAsync();
        var mine = await ReportsAppFactory.CreateAsync(admin, "/api/units", new { name = "Trung tâm của tôi" });
        var below = await ReportsAppFactory.CreateAsync(admin, "/api/units", new { name = "Cụm dưới", parentUnitId = mine });
        var theirs = await ReportsAppFactory.CreateAsync(admin, "/api/units", new { name = "Trung tâm khác" });
        var near = await ReportsAppFactory.CreateAsync(admin, "/api/communes", new { name = "Xã gần", parentUnitId = below });
        var far = await ReportsAppFactory.CreateAsync(admin, "/api/communes", new { name = "Xã xa", parentUnitId = theirs });
        var news = app.Bulletin("Tin phạm vi");
        app.Aired(app.Occurrence(near, Morning, news), 0, AirtimeOutcome.Completed);
        app.Aired(app.Occurrence(far, Morning, news), 0, AirtimeOutcome.Missed);
        var (name, supervisor) = await app.SupervisorAsync("giamsat-", mine);

        var rows = await supervisor.GetFromJsonAsync<JsonElement>("/api/airtime/summary?from=2026-05-04");
        Assert.Equal(["Xã gần"], rows.EnumerateArray().Select(r => r.GetProperty("communeName").GetString()));
        Assert.Single((await supervisor.GetFromJsonAsync<JsonElement>($"/api/airtime/summary?from=2026-05-04&unitId={below}")).EnumerateArray());
        var other = await supervisor.GetAsync($"/api/airtime/summary?from=2026-05-04&unitId={theirs}");
        Assert.Equal((HttpStatusCode.NotFound, "unit_not_found"), (other.StatusCode, await other.ErrorCodeAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/api/airtime/export?format=csv&from=2026-05-04&unitId={theirs}")).StatusCode);
        var csv = await supervisor.GetStringAsync("/api/airtime/export?format=csv&from=2026-05-04");
        Assert.Contains($",{near},", csv);
        Assert.DoesNotContain($",{far},", csv);

        var pending = app.Bulletin("Tin chờ duyệt", Core.Library.BulletinStatus.PendingApproval, ownerUnitId: below);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync($"/api/bulletins/{pending.Id}/reject", new { reason = "Sai" })).StatusCode);
        var audit = (await supervisor.GetFromJsonAsync<JsonElement>("/api/audit")).EnumerateArray().ToList();
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "BulletinsApi.Reject" && e.GetProperty("entityId").GetString() == pending.Id.ToString());
        Assert.All(audit, e => Assert.Equal(name, e.GetProperty("user").GetString()));
        Assert.Contains((await admin.GetFromJsonAsync<JsonElement>("/api/audit")).EnumerateArray(), e => e.GetProperty("user").GetString() == "admin");
    }
}
