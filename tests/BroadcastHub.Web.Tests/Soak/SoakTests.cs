using BroadcastHub.Core.Airtime;
using BroadcastHub.Core.Scheduling;
using BroadcastHub.Data.Repositories;
using BroadcastHub.Web.Features.Scheduling;
using BroadcastHub.Web.Services;
using BroadcastHub.Web.Tests.Playout;
using BroadcastHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BroadcastHub.Web.Tests.Soak;

/// <summary>The app with Hangfire on its real SQLite storage.</summary>
public sealed class HangfireSqliteAppFactory : AppFactory
{
    protected override string HangfireStorage => "SQLite";
}

[CollectionDefinition(Name)]
public sealed class SoakCollection : ICollectionFixture<HangfireSqliteAppFactory>
{
    public const string Name = "soak";
}

/// <summary>
/// A day of sessions in compressed time: several communes, back-to-back occurrences of a few seconds each, armed
/// through Hangfire's SQLite storage while the planner and the armer are rerun and the engine is poked again —
/// every occurrence airs exactly once, on time.
/// </summary>
[Collection(SoakCollection.Name)]
public sealed class SoakTests(HangfireSqliteAppFactory app, ITestOutputHelper output)
{
    private const int Communes = 4;
    private const int OccurrencesPerCommune = 8;

    [Fact]
    public async Task Every_occurrence_of_a_compressed_day_airs_exactly_once()
    {
        var scenario = new PlayoutScenario(app);
        var bulletin = await scenario.ApprovedToneAsync(1.0);
        var first = DateTimeOffset.UtcNow.AddSeconds(6);
        var planned = new List<Occurrence>();
        for (var c = 0; c < Communes; c++)
        for (var n = 0; n < OccurrencesPerCommune; n++)
        {
            var start = first.AddSeconds(n * 2.5 + c * 0.25);
            planned.Add(scenario.Occurrence(start, start.AddSeconds(2), bulletin));
        }

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(ArmEverything)));
        var deadline = first.AddSeconds(OccurrencesPerCommune * 2.5 + 20);
        IReadOnlyList<AirtimeRecord> records = [];
        while (DateTimeOffset.UtcNow < deadline)
        {
            records = planned.SelectMany(scenario.Airtime).ToList();
            if (records.Count >= planned.Count) break;
            if (DateTimeOffset.UtcNow < first.AddSeconds(10)) ArmEverything();
            await Task.Delay(500);
        }
        await Task.Delay(2000);
        records = planned.SelectMany(scenario.Airtime).ToList();

        foreach (var r in records.Where(r => r.Outcome != AirtimeOutcome.Completed).Take(5)) output.WriteLine($"{r.OccurrenceId}: {r.Outcome} {r.Error}");
        output.WriteLine($"{records.Count} of {planned.Count} recorded");
        var errors = records.Where(r => r.ActualStart is not null).Select(r => Math.Abs((r.ActualStart!.Value - r.ScheduledStart).TotalMilliseconds)).Order().DefaultIfEmpty(double.NaN).ToList();
        output.WriteLine($"{records.Count} records; start error median {errors[errors.Count / 2]:0.0} ms, max {errors[^1]:0.0} ms");
        Assert.Equal(planned.Count, records.Count);
        Assert.Equal(planned.Select(o => o.Id).Order(), records.Select(r => r.OccurrenceId).Order());
        Assert.All(records, r => Assert.Equal(AirtimeOutcome.Completed, r.Outcome));
        Assert.All(records, r => Assert.Equal(1.0, r.PlayedSeconds, 3));
        // Start precision itself (p99 ≤ 10 ms) is the audio bench's figure on an idle machine; here the suite's other
        // assemblies decode audio on the same two cores. The typical start must still be exact, and none may be late.
        Assert.InRange(errors[errors.Count / 2], 0, 20);
        Assert.InRange(errors[^1], 0, 1000);

        void ArmEverything()
        {
            using var scope = app.Services.CreateScope();
            var armer = scope.ServiceProvider.GetRequiredService<OccurrenceArmer>();
            var occurrences = scope.ServiceProvider.GetRequiredService<OccurrenceRepository>();
            foreach (var occ in planned) armer.EnsureArmed(occurrences.Find(occ.Id)!);
            scope.ServiceProvider.GetRequiredService<SchedulePlanner>().PlanHorizon();
        }
    }
}
