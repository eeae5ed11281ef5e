using System.Net;
using System.Net.Http.Json;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.BroadcastPolicies;

[Collection(AppCollection.Name)]
public sealed class PolicyApiTests(AppFactory app)
{
    private static readonly TimeSpan Hanoi = TimeSpan.FromHours(7);

    private static async Task<(long UnitId, long CommuneId)> UnitWithCommuneAsync(HttpClient client, object policy)
    {
        var unit = (await (await client.PostAsJsonAsync("/api/units", new { name = "Trung tâm " + Guid.NewGuid().ToString("N")[..4] })).JsonAsync()).GetProperty("id").GetInt64();
        var set = await client.PutAsJsonAsync($"/api/units/{unit}/policy", policy);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var child = (await (await client.PostAsJsonAsync("/api/units", new { name = "Cụm xã", parentUnitId = unit })).JsonAsync()).GetProperty("id").GetInt64();
        var commune = (await (await client.PostAsJsonAsync("/api/communes", new { name = "Xã chính sách", parentUnitId = child })).JsonAsync()).GetProperty("id").GetInt64();
        return (unit, commune);
    }

    [Fact]
    public async Task A_session_outside_the_inherited_policy_is_refused_and_one_inside_is_accepted()
    {
        var client = await app.CreateApiClientAsync();
        var (_, commune) = await UnitWithCommuneAsync(client, new { allowedFrom = "05:00", allowedTo = "21:00", weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, maxSessionMinutes = 60, maxSessionsPerDay = 2 });

        var inherited = await (await client.GetAsync($"/api/communes/{commune}/policy")).JsonAsync();
        Assert.Equal("05:00", inherited.GetProperty("allowedFrom").GetString());

        async Task<HttpResponseMessage> Session(string start, int minutes) => await client.PostAsJsonAsync("/api/sessions",
            new { communeId = commune, weekdays = new[] { 1, 2, 3, 4, 5, 6, 7 }, start, lengthMinutes = minutes });
        var night = await Session("03:15:00", 30);
        Assert.Equal(HttpStatusCode.BadRequest, night.StatusCode);
        Assert.Equal("outside_allowed_hours", await night.ErrorCodeAsync());
        Assert.Equal("session_too_long", await (await Session("17:00:00", 90)).ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.Created, (await Session("05:30:00", 30)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Session("17:00:00", 30)).StatusCode);
        Assert.Equal("too_many_sessions", await (await Session("11:00:00", 30)).ErrorCodeAsync());
    }

    [Theory]
    [InlineData("21:00", "05:00", "invalid_allowed_hours")]
    [InlineData("5h", "21:00", "invalid_allowed_hours")]
    [InlineData("05:00", "21:00", "invalid_limits", 0)]
    public async Task Bad_policies_are_refused(string from, string to, string code, int maxMinutes = 60)
    {
        var client = await app.CreateApiClientAsync();
        var unit = (await (await client.PostAsJsonAsync("/api/units", new { name = "Đơn vị" })).JsonAsync()).GetProperty("id").GetInt64();
        var response = await client.PutAsJsonAsync($"/api/units/{unit}/policy", new { allowedFrom = from, allowedTo = to, maxSessionMinutes = maxMinutes, maxSessionsPerDay = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, await response.ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync("/api/units/999999/policy", new { allowedFrom = "05:00", allowedTo = "21:00" })).StatusCode);
    }

    [Fact]
    public async Task The_engine_refuses_to_air_outside_the_allowed_hours()
    {
        var client = await app.CreateApiClientAsync();
        var nowLocal = DateTimeOffset.UtcNow.ToOffset(Hanoi);
        var from = new TimeOnly((nowLocal.Hour + 2) % 24, 0);
        var to = from.AddHours(1);
        if (to < from) (from, to) = (new TimeOnly((nowLocal.Hour + 4) % 24, 0), new TimeOnly((nowLocal.Hour + 5) % 24, 0));
        var (_, communeId) = await UnitWithCommuneAsync(client, new { allowedFrom = from.ToString("HH:mm"), allowedTo = to.ToString("HH:mm") });
        var scenario = new PlayoutScenario(app);
        var bulletin = await scenario.ApprovedToneAsync(0.5);
        var start = DateTimeOffset.UtcNow.AddSeconds(3.2);
        var occ = scenario.OccurrenceInCommune(communeId, start, start.AddMinutes(5), bulletin);

        scenario.Engine.Arm(occ.Id);
        var record = Assert.Single(await scenario.WaitForAirtimeAsync(occ, 1, TimeSpan.FromSeconds(20)));

        Assert.Equal(AirtimeOutcome.Skipped, record.Outcome);
        Assert.Contains("outside the allowed broadcast hours", record.Error);
        Assert.Null(record.ActualStart);
    }
}
