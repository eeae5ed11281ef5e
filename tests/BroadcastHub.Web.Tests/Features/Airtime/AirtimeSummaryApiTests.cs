using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastHub.Core.Access;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Airtime;

[Collection(ReportsCollection.Name)]
public sealed class AirtimeSummaryApiTests(ReportsAppFactory app)
{
    // 05:30 local (UTC+7) on 10 March 2026 is 22:30 UTC on the 9th.
    private static readonly DateTimeOffset Morning = new(2026, 3, 10, 5, 30, 0, TimeSpan.FromHours(7));

    private static async Task<long> IdOf(HttpResponseMessage response) => (await response.JsonAsync()).GetProperty("id").GetInt64();

    [Fact]
    public async Task Summary_counts_planned_and_outcomes_per_commune_of_the_units_subtree_by_local_dates()
    {
        var admin = await app.CreateApiClientAsync();
        var province = await IdOf(await admin.PostAsJsonAsync("/api/units", new { name = "Tỉnh Hà Giang", parentUnitId = (long?)null }));
        var centre = await IdOf(await admin.PostAsJsonAsync("/api/units", new { name = "Trung tâm Đồng Văn", parentUnitId = province }));
        var lungCu = await IdOf(await admin.PostAsJsonAsync("/api/communes", new { name = "Xã Lũng Cú", parentUnitId = centre }));
        var maLe = await IdOf(await admin.PostAsJsonAsync("/api/communes", new { name = "Xã Má Lé", parentUnitId = province }));
        var outside = await IdOf(await admin.PostAsJsonAsync("/api/communes", new { name = "Xã ngoài", parentUnitId = (long?)null }));
        var news = app.Bulletin("Bản tin sáng");

        var morning = app.Occurrence(lungCu, Morning, news, news, news, news);
        app.Aired(morning, 0, AirtimeOutcome.Completed);
        app.Aired(morning, 1, AirtimeOutcome.Late);
        app.Aired(morning, 2, AirtimeOutcome.Truncated);
        app.Aired(morning, 3, AirtimeOutcome.Missed);
        var lateEvening = app.Occurrence(lungCu, Morning.AddHours(18), news, news); // 23:30 local, same day
        app.Aired(lateEvening, 0, AirtimeOutcome.Preempted);
        app.Aired(lateEvening, 1, AirtimeOutcome.Skipped);
        var nextDay = app.Occurrence(lungCu, Morning.AddHours(19), news); // 00:30 local on the 11th
        app.Aired(nextDay, 0, AirtimeOutcome.Completed);
        var failed = app.Occurrence(maLe, Morning, news, news);
        app.Aired(failed, 0, AirtimeOutcome.Failed, "output failed: no device");
        app.Aired(failed, 1, AirtimeOutcome.Interrupted);
        app.Aired(app.Occurrence(outside, Morning, news), 0, AirtimeOutcome.Completed);

        var rows = await admin.GetFromJsonAsync<JsonElement>($"/api/airtime/summary?from=2026-03-10&to=2026-03-10&unitId={province}");

        Assert.Equal(2, rows.GetArrayLength());
        var a = rows[0];
        Assert.Equal((lungCu, "Xã Lũng Cú"), (a.GetProperty("communeId").GetInt64(), a.GetProperty("communeName").GetString()));
        Assert.Equal(new long[] { 6, 2, 1, 1, 1, 1, 0, 0, 1 }, Counts(a, "planned", "aired", "late", "missed", "truncated", "preempted", "failed", "interrupted", "skipped"));
        Assert.Equal((60 + 60 + 20 + 20) / 60.0, a.GetProperty("minutesAired").GetDouble(), 9);
        Assert.Equal(new long[] { 2, 0, 1, 1 }, Counts(rows[1], "planned", "aired", "failed", "interrupted"));

        var twoDays = await admin.GetFromJsonAsync<JsonElement>($"/api/airtime/summary?from=2026-03-10&to=2026-03-11&unitId={centre}");
        Assert.Equal(new long[] { 7, 3 }, Counts(Assert.Single(twoDays.EnumerateArray()), "planned", "aired"));
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/airtime/summary?from=2026-03-10");
        Assert.Contains(all.EnumerateArray(), r => r.GetProperty("communeId").GetInt64() == outside && r.GetProperty("aired").GetInt64() == 1);
    }

    [Fact]
    public async Task Summary_refuses_bad_input_and_defaults_to_today()
    {
        var client = await app.CreateApiClientForRoleAsync(Roles.Operator);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/airtime/summary")).StatusCode);
        Assert.Equal("invalid_date", await (await client.GetAsync("/api/airtime/summary?from=10/03/2026")).ErrorCodeAsync());
        Assert.Equal("range_reversed", await (await client.GetAsync("/api/airtime/summary?from=2026-03-10&to=2026-03-09")).ErrorCodeAsync());
        Assert.Equal("range_too_long", await (await client.GetAsync("/api/airtime/summary?from=2025-01-01&to=2026-03-09")).ErrorCodeAsync());
        var unknown = await client.GetAsync("/api/airtime/summary?unitId=987654");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("unit_not_found", await unknown.ErrorCodeAsync());
        var anonymous = app.CreateClient();
        foreach (var url in new[] { "/api/airtime/summary", "/api/airtime/verify", "/api/airtime/export?format=csv" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
    }

    private static long[] Counts(JsonElement row, params string[] names) => names.Select(n => row.GetProperty(n).GetInt64()).ToArray();
}
