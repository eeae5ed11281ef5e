using System.Net;
using System.Text;
using BroadcastHub.Core.Access;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Airtime;

/// <summary>The airtime API pages through a range of any size; exports hold all of it; a range has a limit with a clear code.</summary>
[Collection(AirtimeRangeCollection.Name)]
public sealed class AirtimeRangeTests(AirtimeRangeAppFactory app)
{
    private const string Range = "from=2030-06-01&to=2030-06-01";

    [Fact]
    public async Task The_api_pages_through_more_than_ten_thousand_records_each_exactly_once()
    {
        var commune = app.CommuneId;
        var client = await app.CreateApiClientForRoleAsync(Roles.Supervisor);

        var first = await client.GetAsync($"/api/airtime?{Range}&communeId={commune}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1000, (await first.JsonAsync()).GetArrayLength());
        Assert.Equal("10001", first.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal("11", first.Headers.GetValues("X-Page-Count").Single());
        Assert.Contains("page=2", first.Headers.GetValues("Link").Single());

        var ids = new List<long>();
        for (var page = 1; page <= 3; page++)
        {
            var response = await client.GetAsync($"/api/airtime?{Range}&communeId={commune}&page={page}&pageSize=5000");
            ids.AddRange((await response.JsonAsync()).EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
            Assert.Equal(page < 3, response.Headers.Contains("Link"));
        }
        Assert.Equal(AirtimeRangeAppFactory.Records, ids.Distinct().Count());
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Exports_hold_every_record_of_the_range()
    {
        var commune = app.CommuneId;
        var client = await app.CreateApiClientForRoleAsync(Roles.Supervisor);
        using var page = await PageBrowser.SignedInAsync(app, Roles.Supervisor);

        var api = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/api/airtime/export?format=csv&{Range}"));
        var fromPage = await page.Client.GetAsync($"/airtime/export?{Range}&communeId={commune}");

        Assert.Equal(HttpStatusCode.OK, fromPage.StatusCode);
        Assert.Equal(AirtimeRangeAppFactory.Records, Rows(api));
        Assert.Equal(AirtimeRangeAppFactory.Records, Rows(await fromPage.Content.ReadAsStringAsync()));
    }

    private static int Rows(string csv) =>
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains(",Missed,", StringComparison.Ordinal));

    [Fact]
    public async Task A_range_longer_than_366_days_or_a_page_out_of_bounds_is_refused_with_its_code()
    {
        var client = await app.CreateApiClientForRoleAsync(Roles.Operator);

        Assert.Equal("range_too_long", await (await client.GetAsync("/api/airtime?from=2029-01-01&to=2030-01-02")).ErrorCodeAsync());
        Assert.Equal("range_too_long", await (await client.GetAsync("/api/airtime/export?format=csv&from=2029-01-01&to=2030-01-02")).ErrorCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/airtime?from=2029-01-01&to=2030-01-01")).StatusCode);
        foreach (var query in new[] { "page=0", "pageSize=0", "pageSize=5001" })
        {
            var response = await client.GetAsync($"/api/airtime?{Range}&{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("invalid_page", await response.ErrorCodeAsync());
        }
    }
}
