using BroadcastHub.Core.Airtime;
using BroadcastHub.Data;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Playout;
using BroadcastHub.Web.Playout;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastHub.Web.Tests.Features.Airtime;

/// <summary>Crash recovery at start finishes recent occurrences and leaves the history alone (it does not even read it).</summary>
[Collection(ReportsCollection.Name)]
public sealed class CrashRecoveryHistoryTests(ReportsAppFactory app)
{
    [Fact]
    public void Recovery_records_the_recent_claimed_occurrence_and_not_one_from_long_ago()
    {
        var commune = app.Get<PlacesRepository>().CreateCommune("Xã Phục Hồi " + Guid.NewGuid().ToString("N")[..4], null);
        var news = app.Bulletin("Tin phục hồi");
        var now = DateTimeOffset.UtcNow;
        var recent = app.Occurrence(commune.Id, now.AddHours(-3), news, news);
        var old = app.Occurrence(commune.Id, now.AddDays(-40), news, news);
        using (var c = app.Get<AppDatabase>().Open())
            c.Execute("UPDATE occurrences SET state = 'Claimed' WHERE id IN @ids", new { ids = new[] { recent.Id, old.Id } });

        using (var scope = app.Services.CreateScope())
            Assert.Empty(scope.ServiceProvider.GetRequiredService<CrashRecovery>().Recover(_ => false));

        var airtime = app.Get<AirtimeRepository>();
        Assert.Equal([0, 1], airtime.RecordedPositions(recent.Id).Order());
        Assert.Empty(airtime.RecordedPositions(old.Id));
        Assert.All(airtime.Query(recent.StartUtc.AddHours(-1), recent.StartUtc.AddHours(2), commune.Id), r => Assert.Equal(AirtimeOutcome.Missed, r.Outcome));
    }
}
