using BroadcastHub.Core.Access;
using BroadcastHub.Core.Airtime;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Tests.Support;

namespace BroadcastHub.Web.Tests.Features.Airtime;

/// <summary>The airtime log page shows a long day a hundred records at a time, every record on exactly one page.</summary>
[Collection(ReportsCollection.Name)]
public sealed class AirtimePagingTests(ReportsAppFactory app)
{
    [Fact]
    public async Task A_day_of_more_than_a_hundred_records_is_split_into_pages_that_together_hold_each_record_once()
    {
        var commune = app.Get<PlacesRepository>().CreateCommune("Xã Phân Trang " + Guid.NewGuid().ToString("N")[..4], null);
        var day = new DateTimeOffset(2031, 3, 4, 5, 30, 0, TimeSpan.FromHours(7));
        var titles = Enumerable.Range(0, 130).Select(i => $"Tin-{i:000}").ToList();
        var occ = app.Occurrence(commune.Id, day, titles.Select(t => app.Bulletin(t)).ToArray());
        for (var position = 0; position < titles.Count; position++) app.Aired(occ, position, AirtimeOutcome.Completed);

        using var supervisor = await PageBrowser.SignedInAsync(app, Roles.Supervisor);
        var url = $"/airtime?from=2031-03-04&to=2031-03-04&communeId={commune.Id}";
        var first = await supervisor.PageAsync(url);
        var second = await supervisor.PageAsync(url + "&page=2");
        var beyond = await supervisor.PageAsync(url + "&page=9");

        Assert.Contains("130 bản ghi, trang 1/2", first);
        Assert.Equal(100, titles.Count(t => first.Contains(t + "<", StringComparison.Ordinal)));
        Assert.Equal(30, titles.Count(t => second.Contains(t + "<", StringComparison.Ordinal)));
        Assert.All(titles, t => Assert.True(first.Contains(t + "<", StringComparison.Ordinal) ^ second.Contains(t + "<", StringComparison.Ordinal)));
        Assert.Contains("trang 2/2", beyond);
    }
}
